package org.nianbao.validate.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nianbao.validate.repository.RegisteredAgencyEntity;
import org.nianbao.validate.repository.RegisteredAgencyRepository;
import org.nianbao.validate.rules.AgencyKeys;

/** Imports the register of agencies that must report from CSV (name, division code, level, kind, province). */
@ApplicationScoped
public class RegisterService {

    private static final Set<String> LEVELS = Set.of("province", "city", "county", "township");
    private static final Set<String> KINDS = Set.of("government", "department", "street_office", "township", "other");

    /** How an import went: new and updated agencies and the lines that were rejected, with reasons. */
    public record ImportResult(int created, int updated, List<String> rejected) {
    }

    private final RegisteredAgencyRepository repository;

    public RegisterService(RegisteredAgencyRepository repository) {
        this.repository = repository;
    }

    /** Upserts every valid line by agency key; a header line starting with "name" is skipped. */
    @Transactional
    public ImportResult importCsv(String csv) {
        int created = 0;
        int updated = 0;
        List<String> rejected = new ArrayList<>();
        String[] lines = csv.replace("\r", "").split("\n");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("name"))) {
                continue;
            }
            List<String> f = CsvLine.split(line);
            if (f.size() != 5) {
                rejected.add((i + 1) + ": expected 5 fields (name,division_code,level,kind,province)");
                continue;
            }
            String name = f.get(0);
            String code = f.get(1);
            String level = f.get(2);
            String kind = f.get(3);
            if (name.isBlank() || !code.matches("\\d{6}(\\d{3})?(\\d{3})?") || !LEVELS.contains(level)
                    || !KINDS.contains(kind)) {
                rejected.add((i + 1) + ": invalid name, division code (6/9/12 digits), level " + LEVELS
                        + " or kind " + KINDS);
                continue;
            }
            String key = AgencyKeys.of(name, code);
            RegisteredAgencyEntity e = repository.findByIdOptional(key).orElse(null);
            if (e == null) {
                e = new RegisteredAgencyEntity();
                e.setAgencyKey(key);
                created++;
            } else {
                updated++;
            }
            e.setName(name);
            e.setDivisionCode(code);
            e.setLevel(level);
            e.setKind(kind);
            e.setProvince(f.get(4).isBlank() ? null : f.get(4));
            e.setImportedAt(now);
            repository.persist(e);
        }
        return new ImportResult(created, updated, rejected);
    }
}
