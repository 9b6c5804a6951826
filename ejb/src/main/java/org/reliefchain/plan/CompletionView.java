package org.reliefchain.plan;

import java.io.Serializable;

/**
 * Plan completion of a group (a level, or a division's subtree): the share of all targets that usable
 * stock covers, each warehouse's surplus not filling another's gap. A division group is named in both
 * languages; a level group by its level (the reader's words for it).
 */
public record CompletionView(String group, String groupName, String groupNameEn, long planLines, String target, String covered,
                             double completion, long linesShort) implements Serializable {
}
