package cn.keyaccount.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class SmsReplyRepository implements PanacheRepository<SmsReply> {
}
