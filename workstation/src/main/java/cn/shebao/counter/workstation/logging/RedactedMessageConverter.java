package cn.shebao.counter.workstation.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} with personal data taken out ({@link PersonalDataRedaction}): Hibernate and JDBC put values in warnings. */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataRedaction.text(super.convert(event));
    }
}
