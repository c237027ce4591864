package cn.keyaccount.notice;

import java.util.List;

/**
 * A template filled in with sample values: what the SMS and e-mail will say. {@code smsLength} and
 * {@code smsSegments} are those of the text as filled; beyond {@code smsMaxSegments} a composed notice is refused and
 * a feature's SMS is cut ({@code sms} shows the cut text).
 */
public record TemplatePreview(String template, String name, String subject, String sms, int smsLength,
                              int smsSegments, int smsMaxSegments, String email, List<String> parameters) {
}
