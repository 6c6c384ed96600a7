package org.emoaugnet.model.fused;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A contiguous float ND4J array seen as native memory: bulk copies to and from Java arrays (the fused layers compute
 * element-wise work on the Java heap, where the JIT vectorises it) and matrix products through ND4J's own BLAS entry
 * point ({@code cblas_sgemm} of the OpenBLAS build ND4J loads), without per-call shape checks or copies.
 */
final class NativeArray {
    final INDArray array;
    private final FloatPointer base;

    NativeArray(INDArray array) {
        if (array.dataType() != DataType.FLOAT) throw new IllegalArgumentException("float arrays only, got " + array.dataType());
        if (array.length() > 1 && (array.ordering() != 'c' || array.elementWiseStride() != 1) && !array.isVectorOrScalar())
            throw new IllegalArgumentException("a contiguous c-order array is needed, got order " + array.ordering() + ", stride " + array.elementWiseStride());
        this.array = array;
        FloatPointer p = (FloatPointer) array.data().addressPointer();
        this.base = new FloatPointer(p).position(p.position() + array.offset());
    }

    static NativeArray zeros(long... shape) {
        return new NativeArray(Nd4j.create(DataType.FLOAT, shape, 'c'));
    }

    long length() { return array.length(); }

    /** A pointer to element {@code i} (a fresh object: the base pointer is never moved). */
    FloatPointer at(long i) {
        return new FloatPointer(base).position(base.position() + i);
    }

    /**
     * The whole array as a direct buffer over the same native memory (native byte order; index 0 is element 0): Java
     * code writes and reads it in place, in bulk ({@code put(index, src, from, n)}), without a staging copy.
     */
    java.nio.FloatBuffer view() {
        if (length() > Integer.MAX_VALUE) throw new IllegalStateException("a buffer view holds at most 2^31 − 1 floats, not " + length());
        FloatPointer p = at(0);
        p.limit(p.position() + length());
        java.nio.FloatBuffer b = p.asBuffer();
        if (b.capacity() != length()) throw new IllegalStateException("buffer view of " + b.capacity() + " floats over an array of " + length());
        return b;
    }

    void put(long at, float[] src, int from, int n) { at(at).put(src, from, n); }

    void get(long at, float[] dst, int to, int n) { at(at).get(dst, to, n); }

    /**
     * Row-major {@code C = alpha · op(A) · op(B) + beta · C} for {@code op(A)} m × k and {@code op(B)} k × n, the
     * operands given as (array, first element, leading dimension).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, NativeArray a, long aAt, int lda,
                     NativeArray b, long bAt, int ldb, float beta, NativeArray c, long cAt, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha, a.at(aAt), lda, b.at(bAt), ldb, beta,
                c.at(cAt), ldc);
    }
}
