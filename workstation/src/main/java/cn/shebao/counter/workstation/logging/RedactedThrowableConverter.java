package cn.shebao.counter.workstation.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The stack trace with personal data taken out of its messages (a Derby truncation error quotes the value). */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataRedaction.text(super.convert(event));
    }
}
