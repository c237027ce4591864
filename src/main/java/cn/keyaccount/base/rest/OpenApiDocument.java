package cn.keyaccount.base.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI document as a client sees it (registered as {@code mp.openapi.filter}): every operation gets a stable
 * {@code operationId} ({@code customerList} for {@code CustomerResource.list}) and the error answers that the house
 * rules give it, in the one error format ({@link ErrorBody}, schema {@code Error}), so that the status codes are
 * written once here rather than on each of a hundred methods:
 * <ul>
 *     <li>400 a malformed body or parameter, 401 no or wrong credentials, 403 the role may not call it (secured
 *     operations);</li>
 *     <li>404 an id in the path that does not exist or is out of the caller's reach (the API never tells the two
 *     apart);</li>
 *     <li>422 a body that breaks a rule (each field's message in {@code fields});</li>
 *     <li>409 a change refused because of the record's state or a stale version (writes on a record in the path);
 *     an update that takes If-Match ({@link Versions}) also 412 (stale If-Match) and 428 (no version named).</li>
 * </ul>
 * An operation that documents one of these codes itself keeps its own text. Operations open to everyone (the phone
 * calendar feed, which carries its secret in the path) are marked as needing no credentials ({@code security: []}).
 */
public class OpenApiDocument implements OASFilter {

    static final String ERROR_SCHEMA = "Error";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
            PathItem.HttpMethod.DELETE, PathItem.HttpMethod.POST);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.getComponents().addSchema(ERROR_SCHEMA, errorSchema());
        if (api.getInfo().getLicense() != null && api.getInfo().getLicense().getIdentifier() == null) {
            // the suite is licensed to the supply company that installs it; SPDX's form for a licence of one's own
            api.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                operation.setOperationId(unique(operationId(operation.getOperationId()), op.getKey(), ids));
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (!secured) {
                    operation.setSecurity(List.of());
                }
                describeErrors(operation, op.getKey(), path.getKey(), secured);
            }
        }
    }

    /** {@code CustomerResource_list} (the CLASS_METHOD strategy) becomes {@code customerList}. */
    static String operationId(String generated) {
        if (generated == null || !generated.contains("_")) {
            return generated;
        }
        String type = generated.substring(0, generated.indexOf('_')).replaceFirst("Resource$", "");
        String method = generated.substring(generated.indexOf('_') + 1);
        return Character.toLowerCase(type.charAt(0)) + type.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    private static String unique(String id, PathItem.HttpMethod method, Set<String> taken) {
        String candidate = id;
        if (!taken.add(candidate)) {
            candidate = id + method.name().charAt(0) + method.name().substring(1).toLowerCase(Locale.ROOT);
            taken.add(candidate);
        }
        return candidate;
    }

    private static void describeErrors(Operation operation, PathItem.HttpMethod method, String path, boolean secured) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        error(responses, "400", "Malformed request: a body or parameter that cannot be read");
        if (secured) {
            error(responses, "401", "Not signed in: no or wrong credentials");
            error(responses, "403", "The caller's role may not do this");
        }
        boolean onRecord = path.contains("{");
        if (onRecord) {
            error(responses, "404", "No such record, or one out of the caller's reach");
        }
        if (operation.getRequestBody() != null) {
            error(responses, "422", "The request breaks a rule; fields names each field and its message");
        }
        if (takesIfMatch(operation)) {
            error(responses, "409", Versions.STALE);
            error(responses, "412", Versions.STALE_TAG);
            error(responses, "428", Versions.MISSING);
        } else if (onRecord && WRITES.contains(method)) {
            error(responses, "409", "Refused in the record's current state, or the version sent is stale");
        }
    }

    /** An update that names the version it read ({@link Versions}): body version or If-Match. */
    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }

    private static void error(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() != null) {
            return;
        }
        String text = responses.hasAPIResponse(code) && !isDefaultText(responses.getAPIResponse(code).getDescription())
                ? responses.getAPIResponse(code).getDescription() : description;
        Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(text).content(content));
    }

    /** The texts SmallRye writes for the codes it adds itself say less than ours. */
    private static boolean isDefaultText(String text) {
        return text == null || List.of("Bad Request", "Not Authorized", "Not Allowed").contains(text);
    }

    private static Schema errorSchema() {
        Schema field = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the field, as named in the request"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("The one error format of the API")
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the kind of error, stable for clients (e.g. not_found)"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the message in the caller's language"))
                .addProperty("fields", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(field));
    }
}
