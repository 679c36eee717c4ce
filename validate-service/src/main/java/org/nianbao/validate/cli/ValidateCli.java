package org.nianbao.validate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.nianbao.validate.report.InvalidReportException;
import org.nianbao.validate.report.ParsedReportJson;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.rules.AgencyKeys;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.ReportHistory;
import org.nianbao.validate.rules.ValidationContext;
import org.nianbao.validate.rules.ValidationResult;
import org.nianbao.validate.rules.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs the rule catalogue on parse-service JSON files without any service, e.g. for an agency's draft or a batch. */
@Command(name = "nianbao-validate", mixinStandardHelpOptions = true,
        description = "Validates report.parsed JSON files; inputs given together form one history (other years of the"
                + " same agency enable the cross-year rules).")
public final class ValidateCli implements Callable<Integer> {

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    @Option(names = "--out", required = true, description = "Directory for one result JSON per input file.")
    Path out;

    @Option(names = "--today", description = "Date to check deadlines against (default: today).")
    LocalDate today;

    @Parameters(arity = "1..*", paramLabel = "PARSED.json", description = "report.parsed JSON files.")
    List<Path> inputs;

    private final PrintWriter err;

    public ValidateCli(PrintWriter err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the command and returns its exit code (0 ran, 2 bad usage or unreadable input). */
    public static int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        CommandLine cl = new CommandLine(new ValidateCli(stderr));
        cl.setOut(stdout);
        cl.setErr(stderr);
        cl.registerConverter(LocalDate.class, LocalDate::parse);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ParsedReportJson reader = new ParsedReportJson(mapper);
        List<ParsedReportView> reports = new ArrayList<>();
        for (Path p : inputs) {
            try {
                reports.add(reader.read(Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException | InvalidReportException e) {
                err.println("cannot read " + p + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
        ValidationContext ctx = ValidationContext.lawAsOf(today == null ? LocalDate.now() : today);
        Validator validator = Validator.defaults();
        ValidationJson json = new ValidationJson(mapper);
        try {
            Files.createDirectories(out);
            for (int i = 0; i < reports.size(); i++) {
                ParsedReportView r = reports.get(i);
                ValidationResult result = validator.validate(r, historyFor(i, reports), ctx);
                ObjectNode node = mapper.createObjectNode();
                node.put("input", inputs.get(i).toString());
                node.put("reportId", r.reportId());
                node.setAll(json.result(result));
                mapper.writeValue(out.resolve(inputs.get(i).getFileName().toString()).toFile(), node);
                err.printf("%s: %s (%d error, %d warning, %d info)%n", inputs.get(i).getFileName(),
                        result.status().wireName(), result.counts().error(), result.counts().warning(),
                        result.counts().info());
            }
        } catch (IOException e) {
            err.println("cannot write to " + out + ": " + e.getMessage());
            return BAD_INPUT;
        }
        return OK;
    }

    /** The other inputs of the same agency (and a different year) as history for input {@code index}. */
    static ReportHistory historyFor(int index, List<ParsedReportView> reports) {
        ParsedReportView self = reports.get(index);
        String key = AgencyKeys.of(self);
        List<PriorReport> others = new ArrayList<>();
        for (int j = 0; j < reports.size(); j++) {
            ParsedReportView o = reports.get(j);
            if (j != index && key != null && o.year() != null && !Objects.equals(o.year(), self.year())
                    && key.equals(AgencyKeys.of(o))) {
                others.add(PriorReport.of(o));
            }
        }
        return ReportHistory.of(others);
    }
}
