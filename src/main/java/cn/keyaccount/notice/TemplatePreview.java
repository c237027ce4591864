package cn.keyaccount.notice;

import java.util.List;

/** A template filled in with sample values: what the SMS and e-mail will say, and how many SMS segments. */
public record TemplatePreview(String template, String name, String subject, String sms, int smsLength,
                              int smsSegments, String email, List<String> parameters) {
}
