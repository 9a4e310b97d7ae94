/**
 * Chunk storage on S3 and S3-compatible servers (Ceph RGW, MinIO, S3Proxy…) with the AWS SDK v2:
 * {@link dev.attic.storage.s3.S3Storage}, configured by {@link dev.attic.storage.s3.S3StorageConfig}.
 * Multipart uploads, retries, error translation and stream checks are package-private.
 */
package dev.attic.storage.s3;
