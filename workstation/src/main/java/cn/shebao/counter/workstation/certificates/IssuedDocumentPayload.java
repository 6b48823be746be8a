package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.wire.Payloads;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The DOCUMENT_ISSUED command's payload, version 1: the register row as issued. Field names are the
 * contract with central; a later version adds fields, never renames them.
 */
final class IssuedDocumentPayload {

    private IssuedDocumentPayload() {
    }

    static String write(IssuedDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.getId().toString());
        m.put("documentNumber", d.getDocumentNumber());
        m.put("documentType", d.getDocumentType().name());
        m.put("personId", d.getPersonId().toString());
        m.put("verificationCode", d.getVerificationCode());
        m.put("contentHash", d.getContentHash());
        m.put("issuedBy", d.getIssuedBy().toString());
        m.put("issuedAt", d.getIssuedAt().toString());
        m.put("workstationCode", d.getWorkstationCode());
        m.put("reprintOf", d.getReprintOf() == null ? null : d.getReprintOf().toString());
        return Payloads.write(m);
    }

    static IssuedDocument read(String json) {
        Map<String, Object> m = Payloads.read(json);
        IssuedDocument d = new IssuedDocument(UUID.fromString((String) m.get("id")));
        d.setDocumentNumber((String) m.get("documentNumber"));
        d.setDocumentType(DocumentType.valueOf((String) m.get("documentType")));
        d.setPersonId(UUID.fromString((String) m.get("personId")));
        d.setVerificationCode((String) m.get("verificationCode"));
        d.setContentHash((String) m.get("contentHash"));
        d.setIssuedBy(UUID.fromString((String) m.get("issuedBy")));
        d.setIssuedAt(Instant.parse((String) m.get("issuedAt")));
        d.setWorkstationCode((String) m.get("workstationCode"));
        Object reprintOf = m.get("reprintOf");
        d.setReprintOf(reprintOf == null ? null : UUID.fromString((String) reprintOf));
        return d;
    }
}
