package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered printed document: number and verification code let anyone check it; the hash proves its content. */
@Entity
@Table(name = "issued_document")
public class IssuedDocument extends DomainEntity {

    private String documentNumber;
    @Enumerated(EnumType.STRING)
    private DocumentType documentType;
    private UUID personId;
    private String verificationCode;
    private String contentHash;
    private UUID issuedBy;
    private Instant issuedAt;
    private String workstationCode;
    private UUID reprintOf;

    protected IssuedDocument() {
        // for Hibernate
    }

    public IssuedDocument(UUID id) {
        super(id);
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public void setDocumentType(DocumentType documentType) {
        this.documentType = documentType;
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public void setVerificationCode(String verificationCode) {
        this.verificationCode = verificationCode;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public UUID getIssuedBy() {
        return issuedBy;
    }

    public void setIssuedBy(UUID issuedBy) {
        this.issuedBy = issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
    }

    public String getWorkstationCode() {
        return workstationCode;
    }

    public void setWorkstationCode(String workstationCode) {
        this.workstationCode = workstationCode;
    }

    public UUID getReprintOf() {
        return reprintOf;
    }

    public void setReprintOf(UUID reprintOf) {
        this.reprintOf = reprintOf;
    }
}
