package dev.glaze.emulator.swift;

import java.util.Map;

/** Swift's reason phrases and default explanations ({@code swift.common.swob.RESPONSE_REASONS}). */
final class SwiftStatus {
    private record Reason(String title, String explanation) {
    }

    private static final Map<Integer, Reason> REASONS = Map.ofEntries(
            Map.entry(201, new Reason("Created", "")),
            Map.entry(202, new Reason("Accepted", "The request is accepted for processing.")),
            Map.entry(204, new Reason("No Content", "")),
            Map.entry(206, new Reason("Partial Content", "")),
            Map.entry(400, new Reason("Bad Request",
                    "The server could not comply with the request since it is either malformed or otherwise incorrect.")),
            Map.entry(401, new Reason("Unauthorized",
                    "This server could not verify that you are authorized to access the document you requested.")),
            Map.entry(403, new Reason("Forbidden", "Access was denied to this resource.")),
            Map.entry(404, new Reason("Not Found", "The resource could not be found.")),
            Map.entry(405, new Reason("Method Not Allowed", "The method is not allowed for this resource.")),
            Map.entry(406, new Reason("Not Acceptable",
                    "The resource is not available in a format acceptable to your browser.")),
            Map.entry(409, new Reason("Conflict", "There was a conflict when trying to complete your request.")),
            Map.entry(411, new Reason("Length Required", "Content-Length header required.")),
            Map.entry(412, new Reason("Precondition Failed", "A precondition for this request was not met.")),
            Map.entry(413, new Reason("Request Entity Too Large",
                    "The body of your request was too large for this server.")),
            Map.entry(416, new Reason("Requested Range Not Satisfiable", "The Range requested is not available.")),
            Map.entry(422, new Reason("Unprocessable Entity", "Unable to process the contained instructions")),
            Map.entry(499, new Reason("Client Disconnect", "The client was disconnected during request.")),
            Map.entry(500, new Reason("Internal Error",
                    "The server has either erred or is incapable of performing the requested operation.")),
            Map.entry(507, new Reason("Insufficient Storage", "There was not enough space to save the resource.")));

    private SwiftStatus() {
    }

    static String title(int status) {
        Reason r = REASONS.get(status);
        return r == null ? "Error" : r.title();
    }

    /** swob's body for an answer that has none of its own; empty for statuses without an explanation. */
    static String defaultBody(int status) {
        Reason r = REASONS.get(status);
        if (r == null || r.explanation().isEmpty()) {
            return "";
        }
        return "<html><h1>" + r.title() + "</h1><p>" + r.explanation() + "</p></html>";
    }
}
