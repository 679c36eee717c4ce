package org.nianbao.validate.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nianbao.validate.mapping.ReportRowMapper;
import org.nianbao.validate.mapping.ValidatedEventMapper;
import org.nianbao.validate.report.InvalidReportException;
import org.nianbao.validate.report.ParsedReportJson;
import org.nianbao.validate.repository.MissingReportEntity;
import org.nianbao.validate.repository.MissingReportRepository;
import org.nianbao.validate.repository.ValidatedReportEntity;
import org.nianbao.validate.repository.ValidatedReportRepository;
import org.nianbao.validate.rules.AgencyKeys;
import org.nianbao.validate.rules.DeadlinePolicy;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.ReportHistory;
import org.nianbao.validate.rules.ValidationContext;
import org.nianbao.validate.rules.ValidationResult;
import org.nianbao.validate.rules.Validator;

/**
 * Validates parsed reports against their stored history, keeps the history row per reportId (idempotent upsert) and
 * re-checks the following year's report when an earlier year arrives late.
 */
@ApplicationScoped
public class ValidationService {

    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final ValidatedReportRepository repository;
    private final MissingReportRepository missing;
    private final Validator validator;
    private final DeadlinePolicy deadlines;
    private final ReportRowMapper rows;
    private final ValidatedEventMapper events;
    private final ParsedReportJson reader;

    public ValidationService(ValidatedReportRepository repository, MissingReportRepository missing,
                             Validator validator, DeadlinePolicy deadlines, ReportRowMapper rows,
                             ValidatedEventMapper events, ObjectMapper mapper) {
        this.repository = repository;
        this.missing = missing;
        this.validator = validator;
        this.deadlines = deadlines;
        this.rows = rows;
        this.events = events;
        this.reader = new ParsedReportJson(mapper);
    }

    /**
     * Validates and stores one report.parsed payload; returns the events to publish (this report, plus the next
     * year's report when its findings changed). Throws {@link InvalidReportException} on bad input.
     */
    @Transactional
    public List<ValidationOutcome> process(String payload) {
        JsonNode body = reader.parse(payload);
        ParsedReportView report = reader.read(body);
        if (report.reportId() == null || report.reportId().isBlank()) {
            throw new InvalidReportException("reportId is required on report.parsed events");
        }
        Optional<ValidatedReportEntity> existing = repository.findByIdOptional(report.reportId());
        if (existing.isPresent() && existing.get().getSourceVersion() > report.sourceVersion()) {
            LOG.infof("ignoring stale version %d of %s (stored %d)", report.sourceVersion(), report.reportId(),
                    existing.get().getSourceVersion());
            return List.of();
        }
        ValidationResult result = validator.validate(report, historyOf(report), context());
        ValidatedReportEntity row = existing.orElseGet(ValidatedReportEntity::new);
        rows.fill(row, report, body, result, now());
        if (existing.isEmpty()) {
            repository.persist(row);
        }
        List<ValidationOutcome> out = new ArrayList<>();
        out.add(outcome(row, result, false));
        if (result.agencyKey() != null && report.year() != null) {
            // a report that finally arrived is no longer missing (PUBLISH.LATE now speaks for it)
            missing.deleteById(new MissingReportEntity.Key(result.agencyKey(), report.year()));
            repository.latestFor(result.agencyKey(), report.year() + 1, report.reportId())
                    .flatMap(this::recheck).ifPresent(out::add);
        }
        return out;
    }

    /** Validates a body without storing anything (drafts); history is read when the agency is known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValidationResult validateDraft(String payload) {
        ParsedReportView report = reader.read(payload);
        return validator.validate(report, historyOf(report), context());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JsonNode> findings(String reportId) {
        return repository.findByIdOptional(reportId).map(events::toFindings);
    }

    private Optional<ValidationOutcome> recheck(ValidatedReportEntity later) {
        JsonNode body = rows.readTree(later.getReport());
        ParsedReportView report = reader.read(body);
        ValidationResult result = validator.validate(report, historyOf(report), context());
        if (rows.findingsJson(result).equals(rows.readTree(later.getFindings()).toString())) {
            return Optional.empty();
        }
        LOG.infof("re-checked %s after an earlier year arrived: %s", later.getReportId(), result.status());
        rows.applyResult(later, result, now());
        return Optional.of(outcome(later, result, true));
    }

    private ReportHistory historyOf(ParsedReportView report) {
        String key = AgencyKeys.of(report);
        if (key == null) {
            return ReportHistory.empty();
        }
        String self = report.reportId() == null ? "" : report.reportId();
        List<PriorReport> prior = repository.historyOf(key, self).stream()
                .filter(e -> e.getYear() != null && !e.getYear().equals(report.year()))
                .map(rows::toPrior).toList();
        return ReportHistory.of(prior);
    }

    private ValidationOutcome outcome(ValidatedReportEntity row, ValidationResult result, boolean recheck) {
        return new ValidationOutcome(row.getReportId(), events.toEvent(row), result.status().wireName(),
                result.findings(), recheck);
    }

    private ValidationContext context() {
        return new ValidationContext(LocalDate.now(ZoneOffset.ofHours(8)), deadlines);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
