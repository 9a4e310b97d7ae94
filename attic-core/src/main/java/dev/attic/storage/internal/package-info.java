/**
 * Unsupported: pieces the storage backends in other modules share (reading a caller's upload with
 * its declared length enforced, range arithmetic). They may change in any release; do not use them
 * outside this project.
 */
package dev.attic.storage.internal;
