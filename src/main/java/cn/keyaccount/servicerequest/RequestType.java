package cn.keyaccount.servicerequest;

/** What a customer asks for: 故障报修, 咨询, 服务申请 (with its {@link ServiceKind}), 意见/投诉, 表扬. */
public enum RequestType {
    REPAIR, QUESTION, SERVICE, COMPLAINT, PRAISE
}
