package org.nianbao.validate.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.repository.MissingReportEntity;
import org.nianbao.validate.repository.MissingReportRepository;
import org.nianbao.validate.repository.RegisteredAgencyEntity;
import org.nianbao.validate.repository.RegisteredAgencyRepository;
import org.nianbao.validate.repository.ValidatedReportRepository;
import org.nianbao.validate.rules.DeadlinePolicy;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.RuleRegistry;
import org.nianbao.validate.rules.ValidationContext;
import org.nianbao.validate.rules.catalogue.PublishMissingRule;

/** Records PUBLISH.MISSING for registered agencies without last year's report once their deadline passed. */
@ApplicationScoped
public class MissingReportService {

    private static final Logger LOG = Logger.getLogger(MissingReportService.class);

    /** One newly detected missing report. */
    public record Missing(String agencyKey, String agency, int year, Finding finding) {
    }

    private final RegisteredAgencyRepository register;
    private final ValidatedReportRepository reports;
    private final MissingReportRepository missing;
    private final DeadlinePolicy deadlines;
    private final ValidationJson json;
    private final PublishMissingRule rule = RuleRegistry.defaults().publishMissing();

    public MissingReportService(RegisteredAgencyRepository register, ValidatedReportRepository reports,
                                MissingReportRepository missing, DeadlinePolicy deadlines, ObjectMapper mapper) {
        this.register = register;
        this.reports = reports;
        this.missing = missing;
        this.deadlines = deadlines;
        this.json = new ValidationJson(mapper);
    }

    /** Checks the report year before {@code today}'s year; returns only findings not recorded before. */
    @Transactional
    public List<Missing> check(LocalDate today) {
        int year = today.getYear() - 1;
        ValidationContext ctx = new ValidationContext(today, deadlines);
        List<Missing> found = new ArrayList<>();
        for (RegisteredAgencyEntity a : register.listAll()) {
            boolean has = reports.existsFor(a.getAgencyKey(), year);
            Optional<Finding> f = rule.checkAgency(a.getName(), a.getKind(), a.getLevel(), a.getProvince(), year,
                    has, ctx);
            MissingReportEntity.Key key = new MissingReportEntity.Key(a.getAgencyKey(), year);
            if (f.isEmpty() || missing.findByIdOptional(key).isPresent()) {
                continue;
            }
            MissingReportEntity e = new MissingReportEntity();
            e.setId(key);
            e.setDeadline(LocalDate.parse(String.valueOf(f.get().expected())));
            e.setFinding(json.finding(f.get()).toString());
            e.setDetectedAt(OffsetDateTime.now(ZoneOffset.UTC));
            missing.persist(e);
            found.add(new Missing(a.getAgencyKey(), a.getName(), year, f.get()));
        }
        LOG.infof("missing-report check for %d: %d new", year, found.size());
        return found;
    }
}
