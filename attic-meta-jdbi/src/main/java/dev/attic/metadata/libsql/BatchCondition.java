package dev.attic.metadata.libsql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** When a step of a {@link HranaStream#batch batch} runs: Hrana's batch conditions. */
sealed interface BatchCondition {
    /** The earlier step succeeded. */
    static BatchCondition ok(int step) {
        return new Step("ok", step);
    }

    /** The earlier step failed. */
    static BatchCondition error(int step) {
        return new Step("error", step);
    }

    static BatchCondition not(BatchCondition condition) {
        return new Not(condition);
    }

    static BatchCondition and(BatchCondition... conditions) {
        return new All("and", List.of(conditions));
    }

    static BatchCondition or(BatchCondition... conditions) {
        return new All("or", List.of(conditions));
    }

    ObjectNode json();

    record Step(String type, int step) implements BatchCondition {
        public Step {
            if (step < 0) {
                throw new IllegalArgumentException("a step index is not negative: " + step);
            }
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put("type", type).put("step", step);
        }
    }

    record Not(BatchCondition condition) implements BatchCondition {
        @Override
        public ObjectNode json() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "not");
            node.set("cond", condition.json());
            return node;
        }
    }

    record All(String type, List<BatchCondition> conditions) implements BatchCondition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public ObjectNode json() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", type);
            conditions.forEach(c -> node.withArray("conds").add(c.json()));
            return node;
        }
    }
}
