package dev.attic.metadata.libsql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Hrana stream: a server-side SQLite connection that lives between calls through its baton,
 * so an interactive transaction (BEGIN ... COMMIT) spans several calls. The server drops a stream
 * that stays idle for a few seconds (about 10 s on sqld), so a transaction must keep moving.
 *
 * <p>Nothing is sent until the first statement. Calls are serialized: a baton is good for exactly
 * one request at a time.
 */
final class HranaStream implements AutoCloseable {
    private final HranaClient client;
    private URI base;
    private String baton;
    private boolean started;
    private boolean closed;

    HranaStream(HranaClient client) {
        this.client = client;
        this.base = client.baseUrl();
    }

    /** True once the stream exists on the server (a statement was sent) and is not closed. */
    synchronized boolean isOpenOnServer() {
        return started && !closed;
    }

    synchronized StatementResult execute(Stmt stmt) throws SQLException {
        return statement(send(List.of(HranaClient.executeRequest(stmt)), false).get(0));
    }

    /** Runs a statement and closes the stream in the same call (its result is still returned). */
    synchronized StatementResult executeAndClose(Stmt stmt) throws SQLException {
        return statement(send(List.of(HranaClient.executeRequest(stmt), HranaClient.closeRequest()), true).get(0));
    }

    /** Runs the steps in order on this stream; a failed step does not stop the others. */
    synchronized BatchResult batch(List<BatchStep> steps) throws SQLException {
        return batch(steps, false);
    }

    /** Like {@link #batch(List)}, and closes the stream in the same call. */
    synchronized BatchResult batchAndClose(List<BatchStep> steps) throws SQLException {
        return batch(steps, true);
    }

    private BatchResult batch(List<BatchStep> steps, boolean close) throws SQLException {
        List<ObjectNode> requests = close
                ? List.of(HranaClient.batchRequest(steps), HranaClient.closeRequest())
                : List.of(HranaClient.batchRequest(steps));
        JsonNode response = ok(send(requests, close).get(0));
        JsonNode result = response.path("result");
        JsonNode stepResults = result.path("step_results");
        JsonNode stepErrors = result.path("step_errors");
        if (stepResults.size() != steps.size() || stepErrors.size() != steps.size()) {
            throw new SQLNonTransientException("libSQL answered a batch of " + steps.size() + " steps with "
                    + stepResults.size() + " results");
        }
        List<StatementResult> results = new ArrayList<>(steps.size());
        List<SQLException> errors = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode r = stepResults.get(i);
            JsonNode e = stepErrors.get(i);
            results.add(r == null || r.isNull() ? null : HranaClient.statementResult(r));
            errors.add(e == null || e.isNull() ? null : HranaClient.error(e));
        }
        return new BatchResult(results, errors);
    }

    private StatementResult statement(JsonNode result) throws SQLException {
        return HranaClient.statementResult(ok(result).path("result"));
    }

    private static JsonNode ok(JsonNode result) throws SQLException {
        if ("error".equals(result.path("type").asText())) {
            throw HranaClient.error(result.path("error"));
        }
        return result.path("response");
    }

    private List<JsonNode> send(List<ObjectNode> requests, boolean closing) throws SQLException {
        if (closed) {
            throw new SQLNonTransientException("this libSQL stream is closed");
        }
        HranaClient.Pipeline answer;
        try {
            answer = client.pipeline(base, baton, requests);
        } catch (SQLException e) {
            // The stream's state on the server is unknown now; it will expire there.
            closed = true;
            throw e;
        }
        started = true;
        baton = answer.baton();
        if (answer.baseUrl() != null) {
            try {
                base = HranaClient.httpUrl(answer.baseUrl());
            } catch (IllegalArgumentException e) {
                closed = true;
                throw new SQLNonTransientException("libSQL server sent an unusable base_url: " + answer.baseUrl(), e);
            }
        }
        if (closing || baton == null) {
            closed = true;
        }
        return answer.results();
    }

    /** Closes the stream on the server if it was opened there; never throws. */
    @Override
    public synchronized void close() {
        if (started && !closed) {
            try {
                send(List.of(HranaClient.closeRequest()), true);
            } catch (SQLException e) {
                // The server drops an idle stream by itself; a failed close loses nothing.
            }
        }
        closed = true;
    }
}
