package cn.shebao.counter.workstation.citizen;

import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.workstation.store.DomainEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An insured person; the citizen ID number is the natural key and is unique. */
@Entity
@Table(name = "insured_person")
public class InsuredPerson extends DomainEntity {

    private String citizenIdNumber;
    private String name;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private LocalDate birthDate;
    private String nationCode;
    private String householdAreaCode;
    private String address;
    private String phone;
    private String socialSecurityCardNumber;
    private UUID currentEmployerId;
    @Enumerated(EnumType.STRING)
    private PersonStatus status;
    @Enumerated(EnumType.STRING)
    private RetirementCategory retirementCategory;
    private LocalDate firstWorkDate;
    private LocalDate retiredOn;
    private LocalDate registeredOn;

    protected InsuredPerson() {
        // for Hibernate
    }

    public InsuredPerson(UUID id) {
        super(id);
    }

    public String getCitizenIdNumber() {
        return citizenIdNumber;
    }

    public void setCitizenIdNumber(String citizenIdNumber) {
        this.citizenIdNumber = citizenIdNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getNationCode() {
        return nationCode;
    }

    public void setNationCode(String nationCode) {
        this.nationCode = nationCode;
    }

    public String getHouseholdAreaCode() {
        return householdAreaCode;
    }

    public void setHouseholdAreaCode(String householdAreaCode) {
        this.householdAreaCode = householdAreaCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getSocialSecurityCardNumber() {
        return socialSecurityCardNumber;
    }

    public void setSocialSecurityCardNumber(String socialSecurityCardNumber) {
        this.socialSecurityCardNumber = socialSecurityCardNumber;
    }

    public UUID getCurrentEmployerId() {
        return currentEmployerId;
    }

    public void setCurrentEmployerId(UUID currentEmployerId) {
        this.currentEmployerId = currentEmployerId;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public void setStatus(PersonStatus status) {
        this.status = status;
    }

    public RetirementCategory getRetirementCategory() {
        return retirementCategory;
    }

    public void setRetirementCategory(RetirementCategory retirementCategory) {
        this.retirementCategory = retirementCategory;
    }

    public LocalDate getFirstWorkDate() {
        return firstWorkDate;
    }

    public void setFirstWorkDate(LocalDate firstWorkDate) {
        this.firstWorkDate = firstWorkDate;
    }

    public LocalDate getRetiredOn() {
        return retiredOn;
    }

    public void setRetiredOn(LocalDate retiredOn) {
        this.retiredOn = retiredOn;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    public void setRegisteredOn(LocalDate registeredOn) {
        this.registeredOn = registeredOn;
    }
}
