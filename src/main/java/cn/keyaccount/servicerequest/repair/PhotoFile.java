package cn.keyaccount.servicerequest.repair;

/** A stored photo's bytes and type, for download. */
public record PhotoFile(String contentType, byte[] content) {
}
