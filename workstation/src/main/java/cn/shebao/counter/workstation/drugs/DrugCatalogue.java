package cn.shebao.counter.workstation.drugs;

import java.util.List;
import java.util.Locale;
import org.hibernate.SessionFactory;

/** The special drugs and treatments, maintained centrally and replicated; searched by name or code. */
public final class DrugCatalogue {

    private final SessionFactory sessions;

    public DrugCatalogue(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Active drugs whose name contains the text or whose code starts with it; all active ones for a blank text. */
    public List<SpecialDrug> search(String text) {
        String q = text == null ? "" : text.strip();
        return sessions.fromTransaction(s -> s.createSelectionQuery("from SpecialDrug where active = true and (name like :any"
                + " or upper(drugCode) like :start) order by drugCode", SpecialDrug.class)
                .setParameter("any", "%" + q + "%").setParameter("start", q.toUpperCase(Locale.ROOT) + "%")
                .setMaxResults(100).getResultList());
    }
}
