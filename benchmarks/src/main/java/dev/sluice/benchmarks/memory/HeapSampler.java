package dev.sluice.benchmarks.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap a run keeps alive: every {@code periodMillis} it forces a full collection
 * and reads the used heap (the live set), and it hears every collection the JVM runs on its own
 * and reads the heap used after it. Both peaks are kept.
 *
 * <pre>{@code
 * try (HeapSampler heap = HeapSampler.every(500)) {
 *     run();
 *     System.out.println(heap.peakLiveBytes());
 * }
 * }</pre>
 */
final class HeapSampler implements AutoCloseable {

    private final long periodMillis;
    private final Thread thread;
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong lastLive = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .toList();
    private volatile boolean stopped;

    private HeapSampler(long periodMillis) {
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        listenToCollections();
        thread.start();
    }

    static HeapSampler every(long periodMillis) {
        return new HeapSampler(periodMillis);
    }

    /** The live heap now: used heap right after a forced full collection. */
    static long liveBytesNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The largest live heap of all samples. */
    long peakLiveBytes() {
        return peakLive.get();
    }

    long lastLiveBytes() {
        return lastLive.get();
    }

    /** The largest heap in use after any collection, forced or not. */
    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    long samples() {
        return samples.get();
    }

    private void sample() {
        while (!stopped) {
            long live = liveBytesNow();
            lastLive.set(live);
            peakLive.accumulateAndGet(live, Math::max);
            samples.incrementAndGet();
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listenToCollections() {
        NotificationListener listener = this::collected;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // Ending anyway.
                    }
                });
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The map holds the non-heap pools (metaspace, code cache) too: count the heap's only.
        long used = 0;
        for (String pool : heapPools) {
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool);
            if (after != null) {
                used += after.getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(10_000);
        unsubscribe.forEach(Runnable::run);
    }
}
