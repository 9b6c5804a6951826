package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.event.NodeExpandEvent;
import org.primefaces.event.NodeSelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.division.DivisionQuery;
import org.reliefchain.division.DivisionService;
import org.reliefchain.division.DivisionView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/**
 * The division browser: a tree that loads each level only when a node is opened (25,547 villages
 * never travel to the browser at once), a search by name or code, and the details of the selection.
 */
@Named
@ViewScoped
public class DivisionBrowser implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Marks a node whose children are not loaded yet; replaced on first expansion. */
    private static final String NOT_LOADED = "not-loaded";

    @Inject
    private DivisionService divisions;

    @Inject
    private LocaleSelector locale;

    private TreeNode<Object> root;
    private TreeNode<Object> selectedNode;
    private DivisionView selected;
    private String query;
    private List<SearchHit> hits;
    private String depth = DivisionLevel.VILLAGE.name();

    /** A search result with its ancestors' names. */
    public record SearchHit(DivisionView division, String path) implements Serializable {
    }

    @PostConstruct
    void init() {
        root = new DefaultTreeNode<>("root", null);
        Page<DivisionView> top = divisions.list(new DivisionQuery(DivisionLevel.PROVINCE, null, null),
                PageRequest.of(0, 10));
        for (DivisionView province : top.items()) {
            TreeNode<Object> node = node(province, root);
            node.setExpanded(true);
            node.getChildren().clear();
            loadChildren(node);
        }
    }

    public void onExpand(NodeExpandEvent event) {
        @SuppressWarnings("unchecked")
        TreeNode<Object> node = event.getTreeNode();
        if (node.getChildCount() == 1 && NOT_LOADED.equals(node.getChildren().get(0).getData())) {
            node.getChildren().clear();
            loadChildren(node);
        }
    }

    public void onSelect(NodeSelectEvent event) {
        Object data = event.getTreeNode().getData();
        if (data instanceof DivisionView view) {
            selected = view;
        }
    }

    public void search() {
        if (query == null || query.isBlank()) {
            hits = null;
            return;
        }
        hits = divisions.list(new DivisionQuery(null, null, query.trim()), PageRequest.of(0, 30)).items().stream()
                .map(d -> new SearchHit(d, divisions.path(DivisionCode.of(d.code())).stream()
                        .filter(a -> !a.code().equals(d.code())).map(this::name).collect(Collectors.joining(" › "))))
                .toList();
    }

    public void show(DivisionView division) {
        selected = division;
    }

    public String name(DivisionView d) {
        return locale.isEnglish() ? d.nameEn() : d.nameZh();
    }

    public String levelLabel(DivisionView d) {
        return Labels.level(d.level(), locale.getLocale());
    }

    public String positionLabel(DivisionView d) {
        return switch (d.positionSource()) {
            case SYNTHETIC -> locale.text("division.synthetic");
            case APPROXIMATE -> locale.text("division.approximate");
            case OFFICIAL_CENTRE -> locale.text("division.official");
        };
    }

    public List<DivisionLevel> getLevels() {
        return List.of(DivisionLevel.values());
    }

    private void loadChildren(TreeNode<Object> parent) {
        DivisionView parentView = (DivisionView) parent.getData();
        int page = 0;
        Page<DivisionView> children;
        do {
            children = divisions.children(DivisionCode.of(parentView.code()), PageRequest.of(page++, PageRequest.MAX_SIZE));
            children.items().forEach(child -> node(child, parent));
        } while ((long) page * PageRequest.MAX_SIZE < children.total());
    }

    private static TreeNode<Object> node(DivisionView view, TreeNode<Object> parent) {
        TreeNode<Object> node = new DefaultTreeNode<>(view, parent);
        if (view.childCount() > 0) {
            new DefaultTreeNode<>(NOT_LOADED, node);
        }
        return node;
    }

    public TreeNode<Object> getRoot() {
        return root;
    }

    public TreeNode<Object> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<Object> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public DivisionView getSelected() {
        return selected;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<SearchHit> getHits() {
        return hits;
    }

    public String getDepth() {
        return depth;
    }

    public void setDepth(String depth) {
        this.depth = depth;
    }
}
