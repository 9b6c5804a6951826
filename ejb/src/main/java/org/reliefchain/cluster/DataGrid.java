package org.reliefchain.cluster;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's few uses of Payara Micro's data grid: who is a member (by the instance name the launcher
 * gave it), who is the oldest (the one that acts for the cluster when a member leaves), a member leaving, and
 * a message to every member. Alone (clustering off) the grid has one member, this one.
 */
public final class DataGrid {

    /** Payara's JNDI name of its Hazelcast instance. */
    static final String JNDI_NAME = "payara/Hazelcast";
    /** Member attributes the launcher writes into each instance's grid file. */
    static final String NAME_ATTRIBUTE = "reliefchain.instance";
    static final String HTTP_ATTRIBUTE = "reliefchain.http";

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    private final HazelcastInstance grid;

    private DataGrid(HazelcastInstance grid) {
        this.grid = grid;
    }

    /** The grid, unless Payara Micro runs without one ({@code --nohazelcast}). */
    public static Optional<DataGrid> find() {
        try {
            HazelcastInstance h = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
            return h.getLifecycleService().isRunning() ? Optional.of(new DataGrid(h)) : Optional.empty();
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.FINE, "no data grid at " + JNDI_NAME, e);
            return Optional.empty();
        }
    }

    /** The name of a server running alone (no {@code RELIEFCHAIN_INSTANCE}). */
    static final String ALONE = "reliefchain";

    /** This application server's name: set by the launcher for each instance of a cluster ({@code RELIEFCHAIN_INSTANCE}). */
    public static String instanceName() {
        return ConfigProvider.getConfig().getOptionalValue("reliefchain.instance", String.class).orElse(ALONE);
    }

    /** Whether the launcher started this server as an instance of a cluster (alone, its grid has only itself). */
    public static boolean inCluster() {
        return !instanceName().equals(ALONE);
    }

    HazelcastInstance hazelcast() {
        return grid;
    }

    static String nameOf(Member m) {
        String name = m.getAttribute(NAME_ATTRIBUTE);
        return name != null ? name : m.localMember() ? instanceName() : m.getAddress().toString();
    }

    /** Whether the instance of that name is a member now. */
    public boolean isMember(String instance) {
        return grid.getCluster().getMembers().stream().anyMatch(m -> nameOf(m).equals(instance));
    }

    /** Whether this instance is the oldest member: the one that acts for the cluster. */
    public boolean oldest() {
        return grid.getCluster().getMembers().iterator().next().localMember();
    }

    /** Calls {@code left} with the name of each member that leaves the cluster (it stopped or can no longer be reached). */
    public UUID onMemberLeft(Consumer<String> left) {
        return grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                left.accept(nameOf(e.getMember()));
            }
        });
    }

    /**
     * Calls {@code receive} with every message published on {@code topic} by any member, this one included (a
     * number or a string: the JDK's own types travel without our classes).
     */
    public <T> UUID onMessage(String topic, Consumer<T> receive) {
        return grid.<T>getTopic(topic).addMessageListener(m -> receive.accept(m.getMessageObject()));
    }

    /**
     * A map every member sees (Hazelcast's distributed map). Keys and values should be of the JDK's own types
     * (strings, numbers, arrays of them): they travel between members in a form Hazelcast writes itself.
     */
    public <K, V> java.util.concurrent.ConcurrentMap<K, V> sharedMap(String name) {
        return grid.getMap(name);
    }

    public void publish(String topic, long value) {
        grid.<Long>getTopic(topic).publish(value);
    }

    public void publish(String topic, String value) {
        grid.<String>getTopic(topic).publish(value);
    }

    public void stopListening(UUID memberListener, String topic, UUID messageListener) {
        if (!grid.getLifecycleService().isRunning()) {
            return;
        }
        if (memberListener != null) {
            grid.getCluster().removeMembershipListener(memberListener);
        }
        if (messageListener != null) {
            grid.getTopic(topic).removeMessageListener(messageListener);
        }
    }
}
