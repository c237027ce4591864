package cn.keyaccount.servicerequest;

/** A file to download: its name, its type (as sniffed when stored) and its bytes. */
public record AttachmentFile(String fileName, String contentType, byte[] content) {
}
