package cn.shebao.counter.workstation.ui;

import java.util.List;
import java.util.stream.Collectors;

/** Text for Swing's HTML rendering (labels that wrap, tooltips of several lines): escaped, never interpreted. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String of(String text) {
        return "<html>" + escape(text) + "</html>";
    }

    /** Wrapped at {@code widthPx} instead of cut off at the edge of its container (a dialog's instruction). */
    public static String wrapped(String text, int widthPx) {
        return "<html><div style='width:" + widthPx + "px'>" + escape(text) + "</div></html>";
    }

    /** One line each, in the order given. */
    public static String lines(List<String> lines) {
        return "<html>" + lines.stream().map(HtmlText::escape).collect(Collectors.joining("<br>")) + "</html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
