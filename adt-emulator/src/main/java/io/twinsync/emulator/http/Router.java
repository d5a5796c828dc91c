package io.twinsync.emulator.http;

import java.util.List;

/** Maps a method and decoded path segments to the ADT operation and its path parameters. */
final class Router {

    /** The operation and the variable path segments. */
    record Route(Operation operation, List<String> parameters) {
        static Route of(Operation operation, String... parameters) {
            return new Route(operation, List.of(parameters));
        }
    }

    private Router() {}

    static Route route(String method, List<String> segments) {
        if (segments.isEmpty()) {
            return Route.of(Operation.UNKNOWN);
        }
        // ADT's own nextLinks spell the path "/EventRoutes" (recorded, EventRoutesTest.listEventRoutesPaginationWorks)
        if (segments.get(0).equalsIgnoreCase("eventroutes")) {
            return eventRoutes(method, segments);
        }
        return switch (segments.get(0)) {
            case "models" -> models(method, segments);
            case "digitaltwins" -> digitalTwins(method, segments);
            case "jobs" -> jobs(method, segments);
            case "query" -> segments.size() == 1 && method.equals("POST") ? Route.of(Operation.QUERY) : unknown();
            default -> Route.of(Operation.UNKNOWN);
        };
    }

    /** {@code /eventroutes[/{id}]}. */
    private static Route eventRoutes(String method, List<String> s) {
        if (s.size() == 1) {
            return method.equals("GET") ? Route.of(Operation.EVENT_ROUTES_LIST) : unknown();
        }
        if (s.size() == 2) {
            return switch (method) {
                case "PUT" -> Route.of(Operation.EVENT_ROUTES_PUT, s.get(1));
                case "GET" -> Route.of(Operation.EVENT_ROUTES_GET, s.get(1));
                case "DELETE" -> Route.of(Operation.EVENT_ROUTES_DELETE, s.get(1));
                default -> unknown();
            };
        }
        return unknown();
    }

    /** {@code /jobs/imports[/{id}[/cancel]]}; other jobs (delete jobs) are not offered. */
    private static Route jobs(String method, List<String> s) {
        if (s.size() < 2 || !s.get(1).equals("imports")) {
            return Route.of(Operation.NOT_IMPLEMENTED);
        }
        if (s.size() == 2) {
            return method.equals("GET") ? Route.of(Operation.IMPORT_JOBS_LIST) : unknown();
        }
        String id = s.get(2);
        if (s.size() == 3) {
            return switch (method) {
                case "PUT" -> Route.of(Operation.IMPORT_JOBS_PUT, id);
                case "GET" -> Route.of(Operation.IMPORT_JOBS_GET, id);
                case "DELETE" -> Route.of(Operation.IMPORT_JOBS_DELETE, id);
                default -> unknown();
            };
        }
        if (s.size() == 4 && s.get(3).equals("cancel") && method.equals("POST")) {
            return Route.of(Operation.IMPORT_JOBS_CANCEL, id);
        }
        return unknown();
    }

    private static Route models(String method, List<String> s) {
        if (s.size() == 1) {
            return switch (method) {
                case "POST" -> Route.of(Operation.MODELS_POST);
                case "GET" -> Route.of(Operation.MODELS_LIST);
                default -> Route.of(Operation.UNKNOWN);
            };
        }
        if (s.size() == 2) {
            return switch (method) {
                case "GET" -> Route.of(Operation.MODELS_GET, s.get(1));
                case "PATCH" -> Route.of(Operation.MODELS_PATCH, s.get(1));
                case "DELETE" -> Route.of(Operation.MODELS_DELETE, s.get(1));
                default -> Route.of(Operation.UNKNOWN);
            };
        }
        return Route.of(Operation.UNKNOWN);
    }

    private static Route digitalTwins(String method, List<String> s) {
        if (s.size() == 2) {
            return pick(
                    method,
                    s.get(1),
                    Operation.TWINS_GET,
                    Operation.TWINS_PUT,
                    Operation.TWINS_PATCH,
                    Operation.TWINS_DELETE);
        }
        if (s.size() < 3) {
            return Route.of(Operation.UNKNOWN);
        }
        String id = s.get(1);
        String kind = s.get(2);
        if (s.size() == 3) {
            return switch (kind) {
                case "relationships" -> method.equals("GET") ? Route.of(Operation.RELATIONSHIPS_LIST, id) : unknown();
                case "incomingrelationships" ->
                    method.equals("GET") ? Route.of(Operation.RELATIONSHIPS_INCOMING, id) : unknown();
                case "telemetry" -> method.equals("POST") ? Route.of(Operation.TELEMETRY_SEND, id) : unknown();
                default -> unknown();
            };
        }
        if (s.size() == 4 && kind.equals("relationships")) {
            Route route = pick(
                    method,
                    id,
                    Operation.RELATIONSHIPS_GET,
                    Operation.RELATIONSHIPS_PUT,
                    Operation.RELATIONSHIPS_PATCH,
                    Operation.RELATIONSHIPS_DELETE);
            return new Route(route.operation(), List.of(id, s.get(3)));
        }
        if (s.size() == 4 && kind.equals("components")) {
            return switch (method) {
                case "GET" -> Route.of(Operation.COMPONENTS_GET, id, s.get(3));
                case "PATCH" -> Route.of(Operation.COMPONENTS_PATCH, id, s.get(3));
                default -> unknown();
            };
        }
        if (s.size() == 5 && kind.equals("components") && s.get(4).equals("telemetry")) {
            return method.equals("POST") ? Route.of(Operation.COMPONENT_TELEMETRY_SEND, id, s.get(3)) : unknown();
        }
        return unknown();
    }

    private static Route pick(
            String method, String id, Operation get, Operation put, Operation patch, Operation delete) {
        return switch (method) {
            case "GET" -> Route.of(get, id);
            case "PUT" -> Route.of(put, id);
            case "PATCH" -> Route.of(patch, id);
            case "DELETE" -> Route.of(delete, id);
            default -> unknown();
        };
    }

    private static Route unknown() {
        return Route.of(Operation.UNKNOWN);
    }
}
