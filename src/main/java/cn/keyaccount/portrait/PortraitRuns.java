package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Starting a recompute by hand and following it: an administrator starts one (the monthly job's batch, {@link
 * PortraitBatch}), which this node starts working on in the background while the other nodes join in through their
 * share job; supervisors and administrators see its progress (the segments screen polls it).
 */
@ApplicationScoped
public class PortraitRuns {

    private static final Logger LOG = Logger.getLogger(PortraitRuns.class);

    /** Where a recompute is: none ever started, measuring chunks, clustering (all measured), finished. */
    public enum State { NONE, MEASURING, CLUSTERING, FINISHED }

    /**
     * The last recompute started (the open one while there is one).
     *
     * @param chunks           chunks of customers the batch is split into
     * @param chunksMeasured   chunks measured so far, by any node
     * @param customersMeasured customers with readings measured so far
     * @param millis           the whole recompute's duration once finished
     */
    public record Progress(State state, Long batchId, LocalDate periodFrom, LocalDate periodTo,
                           OffsetDateTime startedAt, int chunks, int chunksMeasured, int customersMeasured,
                           Long millis) {
    }

    private final PortraitBatch batch;
    private final PortraitConfig config;
    private final Clock clock;

    PortraitRuns(PortraitBatch batch, PortraitConfig config, Clock clock) {
        this.batch = batch;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a recompute (or joins the open one) and returns at once; this node works on it on a thread of its own
     * (a request's context ends with the request). Administrators only.
     */
    public Progress start(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw BusinessException.forbidden("portrait.error.admins-only");
        }
        batch.create(config.chunkSize());
        Thread.ofPlatform().name("portrait-recompute").daemon().start(() -> {
            try {
                batch.work(PortraitJob.WORKER, PortraitComputation.threads());
            } catch (RuntimeException e) {
                LOG.error("Portrait recompute started by hand failed; the share and catch-up jobs go on with it", e);
            }
        });
        return progress(viewer);
    }

    /** The last recompute's progress. Supervisors and administrators. */
    public Progress progress(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw BusinessException.forbidden("portrait.error.supervisors-only");
        }
        PortraitBatch.Progress p = batch.progress();
        if (p == null) {
            return new Progress(State.NONE, null, null, null, null, 0, 0, 0, null);
        }
        State state = p.finished() ? State.FINISHED
                : p.chunksFinished() == p.chunks() ? State.CLUSTERING : State.MEASURING;
        return new Progress(state, p.batchId(), p.from(), p.to(),
                p.createdAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), p.chunks(), p.chunksFinished(),
                p.measured(), p.millis());
    }
}
