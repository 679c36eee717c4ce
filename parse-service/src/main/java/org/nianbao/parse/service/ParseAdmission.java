package org.nianbao.parse.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.nianbao.parse.config.ParseConfig;
import org.nianbao.parse.parser.DocumentReader;
import org.nianbao.parse.parser.UnparseableDocumentException;

/**
 * Admits parses by the heap they may need, so the largest accepted original parses within the service's heap or
 * is refused with a reason, and two big documents never parse at once: each parse holds its estimated need (in MiB)
 * of a pool sized {@code nianbao.parse.heap-share} of the maximum heap, waiting while other parses hold it. It exists
 * because concurrency alone does not bound memory: two 40 MB HTML pages would each want more than half the heap.
 */
@ApplicationScoped
public class ParseAdmission {

    private static final long MIB = 1L << 20;

    private final int capacityMib;
    private final Semaphore pool;

    @Inject
    public ParseAdmission(ParseConfig config) {
        this((int) Math.max(1, (long) (Runtime.getRuntime().maxMemory() * config.heapShare()) / MIB));
    }

    ParseAdmission(int capacityMib) {
        this.capacityMib = capacityMib;
        this.pool = new Semaphore(capacityMib, true);
    }

    /**
     * Waits until the document's estimated heap is free and returns the permit to close after the parse.
     *
     * @throws UnparseableDocumentException when the document alone needs more than the pool (permanent: the event
     *     goes to the dead-letter topic with the reason)
     */
    public Permit admit(byte[] content, String fileName) {
        long need = DocumentReader.heapEstimate(content);
        int mib = (int) Math.min(Integer.MAX_VALUE, (need + MIB - 1) / MIB);
        if (mib > capacityMib) {
            throw new UnparseableDocumentException(String.format("%s of %d MB needs about %d MB of heap to parse,"
                    + " more than this service's %d MB for parsing (raise the heap, or lower nianbao.max-original-bytes"
                    + " so ingest refuses such files)", fileName == null ? "document" : fileName,
                    content.length / MIB, mib, capacityMib));
        }
        pool.acquireUninterruptibly(mib);
        return () -> pool.release(mib);
    }

    /** MiB of heap not held by a parse now. */
    public int availableMib() {
        return pool.availablePermits();
    }

    /** A parse's share of the heap, given back when closed. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
