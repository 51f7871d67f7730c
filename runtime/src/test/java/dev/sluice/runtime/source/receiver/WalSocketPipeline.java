package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A pipeline process for crash tests: socket lines from 127.0.0.1 through the write-ahead log
 * into {@code saveAsTextFiles}. It runs until it is killed, and reports on standard output
 * {@code REPLAYED n} once started and {@code LOGGED n} whenever the receiver's logged count
 * changes. With {@code frozen} as the interval it runs on a manual clock that never moves, so
 * no batch ever runs and everything received stays only in the log.
 *
 * <p>Arguments: port, log directory, output prefix, batch interval in ms or {@code frozen}.
 */
public final class WalSocketPipeline {

    static final String REPLAYED = "REPLAYED ";
    static final String LOGGED = "LOGGED ";
    static final String BATCH = "BATCH ";

    private WalSocketPipeline() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        boolean frozen = args[3].equals("frozen");
        StreamingConfig.Builder config = StreamingConfig.builder()
                .name("wal-crash")
                .parallelism(1)
                .writeAheadLog(Path.of(args[1]));
        if (frozen) {
            config.clock(new ManualClock());
        }
        StreamingContext ssc = StreamingContext.create(config.build(),
                Duration.ofMillis(frozen ? 1_000 : Long.parseLong(args[3])));
        ReceiverSource<String> source = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", port,
                SocketTextOptions.builder().reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100)).build()));
        ssc.sourceStream("lines", source).saveAsTextFiles(args[2], "txt");
        ssc.addStreamingListener(info -> report(BATCH + info.numRecords()));
        ssc.start();
        report(REPLAYED + source.replayedRecords());
        long reported = -1;
        // Until killed; a failure of the context ends the process with its stack trace.
        while (!ssc.awaitTerminationOrTimeout(Duration.ofMillis(5))) {
            long logged = source.loggedRecords();
            if (logged != reported) {
                report(LOGGED + logged);
                reported = logged;
            }
        }
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
