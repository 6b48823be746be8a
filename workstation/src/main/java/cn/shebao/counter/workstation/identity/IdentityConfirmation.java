package cn.shebao.counter.workstation.identity;

import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A record that a clerk confirmed (or refused) a citizen's identity: card data without the photo, result, who, where, when. */
@Entity
@Table(name = "identity_confirmation")
public class IdentityConfirmation extends DomainEntity {

    private UUID personId;
    @Enumerated(EnumType.STRING)
    private ConfirmationMethod method;
    private String cardName;
    private String cardCitizenIdNumber;
    private LocalDate cardBirthDate;
    private String cardAddress;
    private String cardIssuingAuthority;
    private LocalDate cardValidFrom;
    private LocalDate cardValidTo;
    private String cardType;
    @Enumerated(EnumType.STRING)
    private ConfirmationResult result;
    private String refusalReason;
    private UUID clerkId;
    private UUID coSignerId;
    private Boolean copyTaken;
    private String workstationCode;
    private Instant confirmedAt;

    protected IdentityConfirmation() {
        // for Hibernate
    }

    public IdentityConfirmation(UUID id) {
        super(id);
    }

    public UUID getPersonId() {
        return personId;
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
    }

    public ConfirmationMethod getMethod() {
        return method;
    }

    public void setMethod(ConfirmationMethod method) {
        this.method = method;
    }

    public String getCardName() {
        return cardName;
    }

    public void setCardName(String cardName) {
        this.cardName = cardName;
    }

    public String getCardCitizenIdNumber() {
        return cardCitizenIdNumber;
    }

    public void setCardCitizenIdNumber(String cardCitizenIdNumber) {
        this.cardCitizenIdNumber = cardCitizenIdNumber;
    }

    public LocalDate getCardBirthDate() {
        return cardBirthDate;
    }

    public void setCardBirthDate(LocalDate cardBirthDate) {
        this.cardBirthDate = cardBirthDate;
    }

    public String getCardAddress() {
        return cardAddress;
    }

    public void setCardAddress(String cardAddress) {
        this.cardAddress = cardAddress;
    }

    public String getCardIssuingAuthority() {
        return cardIssuingAuthority;
    }

    public void setCardIssuingAuthority(String cardIssuingAuthority) {
        this.cardIssuingAuthority = cardIssuingAuthority;
    }

    public LocalDate getCardValidFrom() {
        return cardValidFrom;
    }

    public void setCardValidFrom(LocalDate cardValidFrom) {
        this.cardValidFrom = cardValidFrom;
    }

    public LocalDate getCardValidTo() {
        return cardValidTo;
    }

    public void setCardValidTo(LocalDate cardValidTo) {
        this.cardValidTo = cardValidTo;
    }

    public String getCardType() {
        return cardType;
    }

    public void setCardType(String cardType) {
        this.cardType = cardType;
    }

    public ConfirmationResult getResult() {
        return result;
    }

    public void setResult(ConfirmationResult result) {
        this.result = result;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public void setRefusalReason(String refusalReason) {
        this.refusalReason = refusalReason;
    }

    public UUID getClerkId() {
        return clerkId;
    }

    public void setClerkId(UUID clerkId) {
        this.clerkId = clerkId;
    }

    public Boolean getCopyTaken() {
        return copyTaken;
    }

    public void setCopyTaken(Boolean copyTaken) {
        this.copyTaken = copyTaken;
    }

    public UUID getCoSignerId() {
        return coSignerId;
    }

    public void setCoSignerId(UUID coSignerId) {
        this.coSignerId = coSignerId;
    }

    public String getWorkstationCode() {
        return workstationCode;
    }

    public void setWorkstationCode(String workstationCode) {
        this.workstationCode = workstationCode;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Instant confirmedAt) {
        this.confirmedAt = confirmedAt;
    }
}
