package org.nianbao.parse.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nianbao.parse.parser.DocumentReader;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.ReportParser;
import org.nianbao.parse.parser.UnparseableDocumentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar nianbao-parse.jar --out DIR FILE...}: parses report files offline and writes one
 * {@code DIR/<file name>.json} (the report.parsed body) per input; it exists so reports can be parsed and checked
 * without Kafka. Exit 0 when every input parsed, 1 when any failed, 2 on bad usage.
 */
@Command(name = "nianbao-parse", mixinStandardHelpOptions = true, version = "nianbao-parse 0.1.0",
        description = "Parse 政府信息公开工作年度报告 files (HTML, PDF, DOCX, DOC/WPS, text) into report.parsed JSON.")
public final class ParseCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files; a directory means every file in it")
    List<Path> inputs;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new ParseCommand()).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CommandLine.ParameterException(new CommandLine(this), "no such file or directory: " + p);
            }
        }
        refuseCollidingNames(files);
        Files.createDirectories(out);
        ReportParser parser = new ReportParser();
        ObjectWriter writer = ReportJson.mapper().writer();
        PrintWriter err = new PrintWriter(System.err, true);
        int failed = 0;
        boolean progress = !quiet && files.size() >= 10;
        int step = Math.max(1, files.size() / 20);
        long started = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            try {
                byte[] content = Files.readAllBytes(file);
                refuseWhatTheHeapCannotHold(content, name);
                ParsedReport report = parser.parse(content, name);
                writer.writeValue(out.resolve(name + ".json").toFile(), report);
            } catch (UnparseableDocumentException e) {
                failed++;
                err.println("FAILED " + file + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                failed++;
                err.println("FAILED " + file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (progress && ((i + 1) % step == 0 || i + 1 == files.size())) {
                double secs = (System.nanoTime() - started) / 1e9;
                err.printf("parsed %d/%d files (%d failed) in %.1f s%n", i + 1, files.size(), failed, secs);
            }
        }
        if (failed > 0) {
            err.println(failed + " of " + files.size() + " files failed");
        }
        return failed > 0 ? 1 : 0;
    }

    /** A document whose parse would not fit this JVM's heap fails with the reason instead of an OutOfMemoryError. */
    private static void refuseWhatTheHeapCannotHold(byte[] content, String name) {
        long need = DocumentReader.heapEstimate(content);
        long room = (long) (Runtime.getRuntime().maxMemory() * 0.8);
        if (need > room) {
            throw new UnparseableDocumentException(String.format("%d MB input needs about %d MB of heap to parse, more"
                    + " than the %d MB this JVM has room for: run with a larger -Xmx", content.length >> 20, need >> 20,
                    room >> 20));
        }
    }

    /** Outputs are named after the input's file name, so two inputs with one name would overwrite each other. */
    private void refuseCollidingNames(List<Path> files) {
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path first = seen.putIfAbsent(file.getFileName().toString(), file);
            if (first != null && !first.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "two inputs are named "
                        + file.getFileName() + " (" + first + ", " + file + "): their outputs would overwrite each "
                        + "other; parse them in separate runs or into separate --out directories");
            }
        }
    }
}
