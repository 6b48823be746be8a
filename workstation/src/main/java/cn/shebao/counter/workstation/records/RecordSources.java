package cn.shebao.counter.workstation.records;

import cn.shebao.counter.workstation.citizen.CitizenRecords;
import cn.shebao.counter.workstation.drugs.DrugApprovalHistory;
import cn.shebao.counter.workstation.retirement.RetirementOutlooks;

/**
 * Where the record view reads its tabs: the citizen's own records and the tabs other features own. The record view
 * sits above those features, so they never need to know it (their packages stay out of a cycle with it).
 */
public record RecordSources(CitizenRecords records, RetirementOutlooks retirement, DrugApprovalHistory drugApprovals) {
}
