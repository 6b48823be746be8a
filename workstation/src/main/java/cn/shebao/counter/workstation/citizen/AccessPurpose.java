package cn.shebao.counter.workstation.citizen;

/**
 * Why a record is opened; every view is audited with it. CARD_PRESENTED is set by the workstation itself when
 * the citizen's card was just read, the others are chosen by the clerk.
 */
public enum AccessPurpose {
    CARD_PRESENTED, WINDOW_WITH_ID, TELEPHONE_ENQUIRY, INTERNAL_REVIEW;

    /** The purposes a clerk may choose; a card read cannot be claimed by hand. */
    public static AccessPurpose[] chosenByClerk() {
        return new AccessPurpose[] {WINDOW_WITH_ID, TELEPHONE_ENQUIRY, INTERNAL_REVIEW};
    }
}
