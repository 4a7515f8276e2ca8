package dev.glaze.core.internal.auth;

/**
 * What Keystone v3 sign-in needs, as {@code KeystoneAuthBuilder} collected it (already checked): the method follows
 * from what is set (application credential, else password, else token). Its {@link #toString()} leaves out the
 * password, the token and the secret.
 *
 * <pre>{@code
 * KeystoneCredentials c = ((KeystoneV3Authenticator) auth).credentials();
 * c.method();   // PASSWORD
 * }</pre>
 */
public record KeystoneCredentials(String authUrl, String username, String userId, String userDomainName,
        String userDomainId, String password, String token, String applicationCredentialId,
        String applicationCredentialName, String applicationCredentialSecret, String projectName, String projectId,
        String projectDomainName, String projectDomainId, String domainName, String domainId) {

    public enum Method { PASSWORD, TOKEN, APPLICATION_CREDENTIAL }

    public Method method() {
        if (applicationCredentialId != null || applicationCredentialName != null) {
            return Method.APPLICATION_CREDENTIAL;
        }
        return password != null ? Method.PASSWORD : Method.TOKEN;
    }

    /** The user as messages name it: {@code alice}, {@code user id 9f3c...}, {@code application credential ...}. */
    public String who() {
        String user = username != null ? username : userId != null ? "user id " + userId : null;
        switch (method()) {
            case APPLICATION_CREDENTIAL:
                String cred = applicationCredentialId != null ? applicationCredentialId : applicationCredentialName;
                return "application credential " + cred + (user == null ? "" : " of " + user);
            case TOKEN:
                return user == null ? "the given token" : user + " (with a token)";
            default:
                return user;
        }
    }

    /** The scope as messages name it, or an empty string. */
    public String scope() {
        if (projectId != null) {
            return "project id " + projectId;
        }
        if (projectName != null) {
            return "project " + projectName;
        }
        if (domainId != null || domainName != null) {
            return "domain " + (domainId != null ? domainId : domainName);
        }
        return "";
    }

    @Override
    public String toString() {
        String s = scope();
        return "Keystone v3 " + method().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at "
                + authUrl + " as " + who() + (s.isEmpty() ? "" : ", " + s);
    }
}
