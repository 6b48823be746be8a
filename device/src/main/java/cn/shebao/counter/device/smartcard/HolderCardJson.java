package cn.shebao.counter.device.smartcard;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A holder card as JSON for {@code pcsc read --json}: IT's diagnostics, and the same fields the workstation uses. */
public final class HolderCardJson {

    private HolderCardJson() {
    }

    public static String write(HolderCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layout", c.layout());
        m.put("cardNumber", c.cardNumber());
        m.put("issuer", c.issuer());
        m.put("issuedOn", String.valueOf(c.issuedOn()));
        m.put("validTo", String.valueOf(c.validTo()));
        m.put("idNumber", c.idNumber());
        m.put("name", c.name());
        m.put("gender", c.gender().name());
        m.put("nationCode", c.nationCode());
        m.put("birthDate", String.valueOf(c.birthDate()));
        try {
            return JSON.std.asString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
