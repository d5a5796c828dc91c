/** A batch's {@code scope.json}: which twins and relationships of the graph its mapping covers. */
package io.twinsync.staging.scope;
