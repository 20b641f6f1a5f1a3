package io.picaco.conductor;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Run leases in the store. Claiming and renewing are compare-and-set updates, portable across H2 and PostgreSQL:
 * exactly one instance wins a free or expired lease, and only the holder can renew it.
 */
@ApplicationScoped
public class Leases {
    private final String me;
    private final PicacoConfig config;

    @Inject
    public Leases(PicacoConfig config) {
        this.config = config;
        this.me = config.conductor().instanceId().orElseGet(Leases::defaultId);
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    public String me() {
        return me;
    }

    /** Unfinished runs whose lease is free, expired or ours, oldest first. */
    public List<String> claimable(int max) {
        return QuarkusTransaction.requiringNew().call(() -> Run.<Run>find(
                "status in ?1 and (leaseOwner is null or leaseUntil < ?2 or leaseOwner = ?3) order by createdAt",
                List.of(RunStatus.QUEUED, RunStatus.RUNNING), Instant.now(), me).page(0, max).list()
                .stream().map(r -> r.id).toList());
    }

    /** Takes the lease if it is free, expired or already ours. */
    public boolean claim(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> Run.update(
                "leaseOwner = ?1, leaseUntil = ?2 where id = ?3 and status in ?4 "
                        + "and (leaseOwner is null or leaseUntil < ?5 or leaseOwner = ?1)",
                me, Instant.now().plus(config.conductor().lease()), runId,
                List.of(RunStatus.QUEUED, RunStatus.RUNNING), Instant.now()) == 1);
    }

    /** Extends our lease; false when another instance has taken the run over. */
    public boolean renew(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> Run.update(
                "leaseUntil = ?1 where id = ?2 and leaseOwner = ?3", Instant.now().plus(config.conductor().lease()),
                runId, me) == 1);
    }

    public void release(String runId) {
        QuarkusTransaction.requiringNew().run(() -> Run.update(
                "leaseOwner = null, leaseUntil = null where id = ?1 and leaseOwner = ?2", runId, me));
    }

    /** True when the (locked) run is still ours to write. */
    public boolean holds(Run run) {
        return me.equals(run.leaseOwner);
    }
}
