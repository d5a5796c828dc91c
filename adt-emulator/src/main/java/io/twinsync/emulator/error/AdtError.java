package io.twinsync.emulator.error;

/** The error codes the emulator answers with, each with the HTTP status ADT uses for it. */
public enum AdtError {
    INVALID_ARGUMENT("InvalidArgument", 400),
    MISSING_API_VERSION("MissingApiVersionParameter", 400),
    UNSUPPORTED_API_VERSION("UnsupportedApiVersionValue", 400),
    VALIDATION_FAILED("ValidationFailed", 400),
    JSON_PATCH_INVALID("JsonPatchInvalid", 400),
    MODEL_DECOMMISSIONED("ModelDecommissioned", 400),
    RELATIONSHIPS_NOT_DELETED("RelationshipsNotDeleted", 400),
    INVALID_RELATIONSHIP("InvalidRelationship", 400),
    OPERATION_NOT_ALLOWED("OperationNotAllowed", 400),
    DTDL_PARSER_ERROR("DTDLParserError", 400),
    LIMIT_EXCEEDED("LimitExceeded", 400),
    EVENT_ROUTE_FILTER_INVALID("EventRouteFilterInvalid", 400),
    EVENT_ROUTE_ENDPOINT_INVALID("EventRouteEndpointInvalid", 400),
    JOB_LIMIT_REACHED("JobLimitReached", 400),
    SQL_QUERY_ERROR("SqlQueryError", 400),
    DIGITAL_TWIN_NOT_FOUND("DigitalTwinNotFound", 404),
    RELATIONSHIP_NOT_FOUND("RelationshipNotFound", 404),
    TARGET_TWIN_NOT_FOUND("TargetTwinNotFound", 404),
    COMPONENT_NOT_FOUND("ComponentNotFound", 404),
    MODEL_NOT_FOUND("ModelNotFound", 404),
    IMPORT_JOB_NOT_FOUND("ImportJobNotFound", 404),
    EVENT_ROUTE_NOT_FOUND("EventRouteNotFound", 404),
    ROUTE_NOT_FOUND("NotFound", 404),
    MODEL_ID_ALREADY_EXISTS("ModelIdAlreadyExists", 409),
    MODEL_REFERENCES_NOT_DELETED("ModelReferencesNotDeleted", 409),
    PRECONDITION_FAILED("PreconditionFailed", 412),
    INTERNAL_ERROR("InternalServerError", 500),
    NOT_IMPLEMENTED("NotImplemented", 501);

    private final String code;
    private final int status;

    AdtError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The code as ADT spells it in {@code error.code} and {@code x-ms-error-code}. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
