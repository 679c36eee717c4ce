package org.nianbao.parse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * cost relative to only building the jsoup DOM of the same HTML, and peak heap while parsing a generated ~20 MB
 * PDF; it exists to produce the figures in BENCHMARKS.md. Usage:
 * {@code java -cp nianbao-parse.jar org.nianbao.parse.cli.ParseBenchmark HTML_FILE TEXT_FILE [seconds]}.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ParseBenchmark HTML_FILE TEXT_FILE [seconds-per-measurement]");
            System.exit(2);
        }
        byte[] html = Files.readAllBytes(Path.of(args[0]));
        byte[] text = Files.readAllBytes(Path.of(args[1]));
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        ReportParser parser = new ReportParser();
        System.out.printf("java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        String htmlString = new String(html, StandardCharsets.UTF_8);
        double[] interleaved = interleaved(() -> parser.parse(html, "bench.html"), () -> Jsoup.parse(htmlString), seconds);
        double htmlRate = 1 / interleaved[0];
        double domRate = 1 / interleaved[1];
        double textRate = rate(() -> parser.parse(text, "bench.txt"), seconds);
        System.out.printf("html  %s (%d KB): %.1f reports/s per core%n", args[0], html.length >> 10, htmlRate);
        System.out.printf("jsoup DOM only of the same HTML (timed alternately with the parse): %.1f/s;"
                + " parse costs %.2fx the DOM build%n", domRate, domRate / htmlRate);
        System.out.printf("text  %s (%d KB): %.1f reports/s per core%n", args[1], text.length >> 10, textRate);

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

    private static double rate(Runnable task, double seconds) {
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warmupEnd) {
            task.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < end) {
            task.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Mean seconds per run of a and of b, measured in alternating half-second blocks so that varying machine load
     * affects both alike while each loop stays hot.
     */
    private static double[] interleaved(Runnable a, Runnable b, double seconds) {
        rate(a, 1);
        rate(b, 1);
        long ta = 0;
        long tb = 0;
        long na = 0;
        long nb = 0;
        int blocks = Math.max(2, (int) (seconds * 2));
        for (int i = 0; i < blocks; i++) {
            long t0 = System.nanoTime();
            long stop = t0 + 250_000_000L;
            while (System.nanoTime() < stop) {
                a.run();
                na++;
            }
            long t1 = System.nanoTime();
            stop = t1 + 250_000_000L;
            while (System.nanoTime() < stop) {
                b.run();
                nb++;
            }
            ta += t1 - t0;
            tb += System.nanoTime() - t1;
        }
        return new double[] {ta / 1e9 / na, tb / 1e9 / nb};
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
