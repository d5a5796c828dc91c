/** The HTTPS front: routing, the request pipeline (filters such as api-version and counting) and the endpoints. */
package io.twinsync.emulator.http;
