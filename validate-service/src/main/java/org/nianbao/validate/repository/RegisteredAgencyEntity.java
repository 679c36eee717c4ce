package org.nianbao.validate.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An agency that must publish an annual report, so PUBLISH.MISSING knows whom to expect. */
@Entity
@Table(name = "agency_register")
public class RegisteredAgencyEntity {

    @Id
    @Column(name = "agency_key")
    private String agencyKey;
    private String name;
    @Column(name = "division_code")
    private String divisionCode;
    private String level;
    private String kind;
    private String province;
    @Column(name = "imported_at")
    private OffsetDateTime importedAt;

    public String getAgencyKey() { return agencyKey; }
    public void setAgencyKey(String v) { agencyKey = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDivisionCode() { return divisionCode; }
    public void setDivisionCode(String v) { divisionCode = v; }
    public String getLevel() { return level; }
    public void setLevel(String v) { level = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getProvince() { return province; }
    public void setProvince(String v) { province = v; }
    public OffsetDateTime getImportedAt() { return importedAt; }
    public void setImportedAt(OffsetDateTime v) { importedAt = v; }
}
