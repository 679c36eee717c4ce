package org.nianbao.parse.bench;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jsoup.Jsoup;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.ReportParser;

/**
 * Measures parser throughput (reports per second on one thread = per core) for an HTML and a text report, the
 * cost relative to only building the jsoup DOM of the same HTML by wall clock and by the thread's CPU time (robust
 * on a shared, loaded machine), bytes allocated per report, and peak heap while parsing a generated ~20 MB PDF;
 * it exists to produce the figures in BENCHMARKS.md and lives in the test tree so no production jar ships it. Usage,
 * after {@code ./mvnw -q -pl parse-service -am -DskipTests package} (which also compiles the test classes):
 * {@code java -cp parse-service/target/nianbao-parse.jar:parse-service/target/test-classes
 * org.nianbao.parse.bench.ParseBenchmark HTML_FILE TEXT_FILE [seconds] [--no-pdf]}.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        boolean skipPdf = args.length > 0 && args[args.length - 1].equals("--no-pdf");
        if (skipPdf) {
            args = Arrays.copyOf(args, args.length - 1);
        }
        if (args.length < 2) {
            System.err.println("usage: ParseBenchmark HTML_FILE TEXT_FILE [seconds-per-measurement] [--no-pdf]");
            System.exit(2);
        }
        byte[] html = Files.readAllBytes(Path.of(args[0]));
        byte[] text = Files.readAllBytes(Path.of(args[1]));
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        ReportParser parser = new ReportParser();
        System.out.printf("java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        String htmlString = new String(html, StandardCharsets.UTF_8);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        Block[] interleaved = interleaved(() -> parser.parse(html, "bench.html"), () -> Jsoup.parse(htmlString),
                seconds);
        Cost parse = interleaved[0].cost();
        Cost dom = interleaved[1].cost();
        double htmlRate = 1 / parse.wallSeconds();
        double domRate = 1 / dom.wallSeconds();
        Cost textCost = measure(() -> parser.parse(text, "bench.txt"), seconds);
        double textRate = 1 / textCost.wallSeconds();
        long gcCollections = gcCount() - gcCountBefore;
        long gcTime = gcMillis() - gcMillisBefore;
        System.out.printf("html  %s (%d KB): %.1f reports/s per core%n", args[0], html.length >> 10, htmlRate);
        System.out.printf("jsoup DOM only of the same HTML (timed alternately with the parse): %.1f/s;"
                + " parse costs %.2fx the DOM build%n", domRate, domRate / htmlRate);
        System.out.printf("text  %s (%d KB): %.1f reports/s per core%n", args[1], text.length >> 10, textRate);
        System.out.printf("thread CPU time per html parse %.3f ms, per DOM build %.3f ms: parse costs %.2fx the DOM"
                + " build by CPU time (%.2fx by wall clock); %.1f html reports per CPU second%n",
                parse.cpuSeconds() * 1e3, dom.cpuSeconds() * 1e3, parse.cpuSeconds() / dom.cpuSeconds(),
                parse.wallSeconds() / dom.wallSeconds(), 1 / parse.cpuSeconds());
        System.out.printf("per block pair (a parse block, then a DOM block): median CPU-time ratio %.2fx,"
                + " fastest parse block ÷ fastest DOM block %.2fx (%d pairs)%n",
                Block.medianRatio(interleaved[0], interleaved[1]), interleaved[0].fastestCpuPerRun()
                        / interleaved[1].fastestCpuPerRun(), interleaved[0].blockCpuPerRun.size());
        System.out.printf("thread CPU time per text parse %.3f ms: %.1f text reports per CPU second%n",
                textCost.cpuSeconds() * 1e3, 1 / textCost.cpuSeconds());
        System.out.printf("allocated per html parse %d KB, per DOM build %d KB (%.2fx), per text parse %d KB%n",
                parse.allocatedBytes() >> 10, dom.allocatedBytes() >> 10,
                (double) parse.allocatedBytes() / dom.allocatedBytes(), textCost.allocatedBytes() >> 10);
        System.out.printf("CPU share of wall clock while timing (1.00 = the thread was never preempted): parse %.2f,"
                + " DOM %.2f, text %.2f; GC while timing: %d collections, %d ms%n",
                parse.cpuSeconds() / parse.wallSeconds(), dom.cpuSeconds() / dom.wallSeconds(),
                textCost.cpuSeconds() / textCost.wallSeconds(), gcCollections, gcTime);
        if (skipPdf) {
            return;
        }

        byte[] pdf = bigPdf(20L << 20);
        System.gc();
        resetPeaks();
        long before = heapPeak();
        long t0 = System.nanoTime();
        ParsedReport report = parser.parse(pdf, "big.pdf");
        double pdfSecs = (System.nanoTime() - t0) / 1e9;
        long peak = heapPeak();
        System.out.printf("pdf   generated %.1f MB, %d sections read: %.1f s, peak heap %d MB (baseline %d MB)%n",
                pdf.length / 1048576.0, report.sections().size(), pdfSecs, peak >> 20, before >> 20);
    }

    /** Mean cost of one run: wall-clock seconds, seconds of this thread's CPU time, bytes this thread allocated. */
    record Cost(double wallSeconds, double cpuSeconds, long allocatedBytes) {
    }

    /** Runs {@code task} for 30 % of {@code seconds} to warm up, then measures it for {@code seconds}. */
    private static Cost measure(Runnable task, double seconds) {
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warmupEnd) {
            task.run();
        }
        Block block = new Block();
        block.run(task, (long) (seconds * 1e9));
        return block.cost();
    }

    /**
     * Runs of a and of b measured in alternating quarter-second blocks so that varying machine load affects both
     * alike while each loop stays hot.
     */
    private static Block[] interleaved(Runnable a, Runnable b, double seconds) {
        measure(a, 1);
        measure(b, 1);
        Block blockA = new Block();
        Block blockB = new Block();
        int blocks = Math.max(2, (int) (seconds * 2));
        for (int i = 0; i < blocks; i++) {
            blockA.run(a, 250_000_000L);
            blockB.run(b, 250_000_000L);
        }
        return new Block[] {blockA, blockB};
    }

    /**
     * Accumulates runs, wall-clock and thread CPU nanoseconds and allocated bytes over timed blocks of one task, and
     * the CPU time per run of each block (load spikes hit single blocks; medians and minima over blocks resist them).
     */
    private static final class Block {
        private static final ThreadMXBean THREADS = threads();

        private long runs;
        private long wallNanos;
        private long cpuNanos;
        private long allocated;
        final List<Double> blockCpuPerRun = new ArrayList<>();

        void run(Runnable task, long nanos) {
            long runsBefore = runs;
            long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long stop = start + nanos;
            long now;
            do {
                task.run();
                runs++;
                now = System.nanoTime();
            } while (now < stop);
            long blockRuns = runs - runsBefore;
            long blockCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            wallNanos += now - start;
            cpuNanos += blockCpu;
            allocated += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
            blockCpuPerRun.add((double) blockCpu / blockRuns);
        }

        double fastestCpuPerRun() {
            return blockCpuPerRun.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** Median over block pairs i of a's CPU time per run in block i divided by b's in block i. */
        static double medianRatio(Block a, Block b) {
            double[] ratios = new double[Math.min(a.blockCpuPerRun.size(), b.blockCpuPerRun.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = a.blockCpuPerRun.get(i) / b.blockCpuPerRun.get(i);
            }
            Arrays.sort(ratios);
            int n = ratios.length;
            return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
        }

        Cost cost() {
            return new Cost(wallNanos / 1e9 / runs, cpuNanos / 1e9 / runs, allocated / runs);
        }

        private static ThreadMXBean threads() {
            ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            if (!bean.isCurrentThreadCpuTimeSupported() || !bean.isThreadAllocatedMemorySupported()) {
                throw new IllegalStateException("this JVM cannot measure thread CPU time or allocation");
            }
            bean.setThreadCpuTimeEnabled(true);
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** A PDF of about {@code size} bytes: text pages (report-like lines) plus noise images to reach the size. */
    static byte[] bigPdf(long size) throws IOException {
        Random random = new Random(7);
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int pages = 0;
            ByteArrayOutputStream probe = new ByteArrayOutputStream();
            while (true) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 300,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < 300; x++) {
                    for (int y = 0; y < 300; y++) {
                        img.setRGB(x, y, random.nextInt());
                    }
                }
                PDImageXObject image = LosslessFactory.createFromImage(pdf, img);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.drawImage(image, 400, 600, 150, 150);
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(40, 750);
                    for (int line = 0; line < 70; line++) {
                        cs.showText("Row " + line + " of page " + pages + ": " + random.nextInt(1000) + " "
                                + random.nextInt(100) + " 0 0 " + random.nextInt(10) + " 0 " + random.nextInt(2000));
                        cs.newLineAtOffset(0, -10);
                    }
                    cs.endText();
                }
                pages++;
                if (pages % 20 == 0) {
                    probe.reset();
                    pdf.save(probe);
                    if (probe.size() >= size) {
                        return probe.toByteArray();
                    }
                }
            }
        }
    }
}
