package org.reliefchain.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import org.reliefchain.security.Role;

/**
 * Reads the cluster from Payara Micro's data grid ({@code payara/Hazelcast}): its members in the order they
 * joined, each named by the attributes the launcher gave it ({@code reliefchain.instance}, {@code reliefchain.http}
 * in its grid file), and the one answering. Administrators only: it names the servers' internal addresses.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class ClusterService {

    public ClusterView view() {
        String own = DataGrid.instanceName();
        Optional<DataGrid> found = DataGrid.find();
        if (found.isEmpty()) {
            ClusterView.Member alone = new ClusterView.Member(own, null, null, true);
            return new ClusterView(alone, false, List.of(alone));
        }
        HazelcastInstance grid = found.get().hazelcast();
        List<ClusterView.Member> members = new ArrayList<>();
        ClusterView.Member answered = null;
        for (Member m : grid.getCluster().getMembers()) {
            ClusterView.Member member = new ClusterView.Member(DataGrid.nameOf(m), address(m),
                    m.getAttribute(DataGrid.HTTP_ATTRIBUTE), m.localMember());
            members.add(member);
            if (m.localMember()) {
                answered = member;
            }
        }
        if (answered == null) { // not a member (yet): still say who answered
            answered = new ClusterView.Member(own, address(grid.getCluster().getLocalMember()), null, true);
        }
        // Alone, the grid still runs (clustering off): one member, not a cluster.
        return new ClusterView(answered, members.size() > 1 || DataGrid.inCluster(), List.copyOf(members));
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
