package cn.keyaccount.application;

import java.util.List;

/**
 * The documents an application may need. "一证受理": a key customer starts with its business licence (or the
 * agent's identity and authorisation); the rest per kind, told once ({@link #required}).
 */
public enum DocumentType {
    /** 营业执照 (统一社会信用代码证) */
    BUSINESS_LICENCE,
    /** 经办人身份证明 */
    AGENT_ID,
    /** 授权委托书 */
    AUTHORISATION,
    /** 用电地址产权证明 */
    PROPERTY_PROOF,
    /** 项目批准文件 */
    PROJECT_APPROVAL,
    /** 用电设备清单 */
    EQUIPMENT_LIST,
    /** 变更用电申请书 (暂停、减容、改类、计费方式变更) */
    CHANGE_REQUEST,
    /** 过户协议 */
    TRANSFER_AGREEMENT,
    /** 电费结清证明 */
    BILL_SETTLEMENT;

    /** The checklist of a kind, in the order the customer is told. */
    public static List<DocumentType> required(ApplicationKind kind) {
        return switch (kind) {
            case NEW_CONNECTION -> List.of(BUSINESS_LICENCE, AGENT_ID, AUTHORISATION, PROPERTY_PROOF,
                    PROJECT_APPROVAL, EQUIPMENT_LIST);
            case CAPACITY_INCREASE -> List.of(BUSINESS_LICENCE, AGENT_ID, AUTHORISATION, EQUIPMENT_LIST);
            case OWNER_TRANSFER -> List.of(BUSINESS_LICENCE, AGENT_ID, AUTHORISATION, TRANSFER_AGREEMENT,
                    BILL_SETTLEMENT);
            case CLOSURE -> List.of(BUSINESS_LICENCE, AGENT_ID, AUTHORISATION, BILL_SETTLEMENT);
            default -> List.of(BUSINESS_LICENCE, AGENT_ID, AUTHORISATION, CHANGE_REQUEST);
        };
    }
}
