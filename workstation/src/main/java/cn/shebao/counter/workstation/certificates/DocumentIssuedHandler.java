package cn.shebao.counter.workstation.certificates;

import cn.shebao.counter.workstation.citizen.InsuredPerson;
import cn.shebao.counter.workstation.command.ChangeLog;
import cn.shebao.counter.workstation.command.ChangeLogEntry;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.wire.CommandEnvelope;
import org.hibernate.Session;

/**
 * Central's side of DOCUMENT_ISSUED: the document joins the central register so any window (and the online
 * hall) can verify it. A number already used by another document is a conflict for people to look at; it
 * cannot happen with numbers that name their workstation unless two workstations share a code.
 */
public final class DocumentIssuedHandler implements CommandHandler {

    @Override
    public HandlerOutcome apply(Session central, CommandEnvelope command, ChangeLog changes) {
        IssuedDocument issued = IssuedDocumentPayload.read(command.payload());
        if (central.find(IssuedDocument.class, issued.getId()) != null) {
            return HandlerOutcome.ok(); // already registered (the same row came by another path)
        }
        if (central.find(InsuredPerson.class, issued.getPersonId()) == null) {
            return HandlerOutcome.conflict("DOCUMENT_PERSON_UNKNOWN", issued.getDocumentNumber());
        }
        Long taken = central.createSelectionQuery("select count(*) from IssuedDocument where documentNumber = :n", Long.class)
                .setParameter("n", issued.getDocumentNumber()).getSingleResult();
        if (taken > 0) {
            return HandlerOutcome.conflict("DOCUMENT_NUMBER_TAKEN", issued.getDocumentNumber());
        }
        central.persist(issued);
        central.flush();
        changes.record(central, "issued_document", issued.getId(), issued.getRowVersion(), ChangeLogEntry.Operation.UPSERT,
                command.nodeCode());
        return HandlerOutcome.ok();
    }
}
