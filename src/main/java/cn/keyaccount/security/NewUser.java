package cn.keyaccount.security;

public record NewUser(String username, String password, String displayName, Role role, Long unitId, String mobile,
                      String email) {
}
