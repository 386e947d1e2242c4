#ifndef RE100_CGLPK_SHIM_H
#define RE100_CGLPK_SHIM_H

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

/*
 * Backstop against GLPK's abort() on invalid API use.
 *
 * GLPK calls the error hook before aborting; the hook below longjmps back into the
 * guarded helper that made the call, where setjmp was done. After a longjmp GLPK's
 * environment is unusable, so the helper frees it with glp_free_env(), which also
 * frees every problem object of this thread: the caller must not touch `P` again.
 * re100 validates every model in Swift first, so these paths are not expected to run.
 *
 * Each helper returns 0 when GLPK returned normally (its result in *result) and
 * RE100_GLPK_ERROR when GLPK raised an error.
 */
#define RE100_GLPK_ERROR (-1)

static void re100_glpk_error_hook(void *info) {
    longjmp(*(jmp_buf *)info, 1);
}

/// Routes GLPK's terminal output of this thread to `hook` (NULL restores stdout).
static inline void re100_glpk_set_term_hook(int (*hook)(void *info, const char *text), void *info) {
    glp_term_hook(hook, info);
}

/// Loads a whole LP in bound form into an empty problem: rows, columns, bounds, objective
/// and the matrix in one glp_load_matrix call. Arrays are 1-based as GLPK expects
/// (element 0 unused); `types` are GLP_FR/GLP_LO/GLP_UP/GLP_DB/GLP_FX.
static inline int re100_glpk_load(glp_prob *P, int rows, int cols,
                                  const int *row_types, const double *row_lower, const double *row_upper,
                                  const int *col_types, const double *col_lower, const double *col_upper,
                                  const double *objective, const int *col_kinds,
                                  int nonzeros, const int *ia, const int *ja, const double *ar) {
    jmp_buf env;
    if (setjmp(env)) {
        glp_error_hook(NULL, NULL);
        glp_free_env();
        return RE100_GLPK_ERROR;
    }
    glp_error_hook(re100_glpk_error_hook, &env);
    if (rows > 0) glp_add_rows(P, rows);
    if (cols > 0) glp_add_cols(P, cols);
    for (int i = 1; i <= rows; i++) glp_set_row_bnds(P, i, row_types[i], row_lower[i], row_upper[i]);
    for (int j = 1; j <= cols; j++) {
        glp_set_col_bnds(P, j, col_types[j], col_lower[j], col_upper[j]);
        glp_set_obj_coef(P, j, objective[j]);
        if (col_kinds != NULL && col_kinds[j] != GLP_CV) glp_set_col_kind(P, j, col_kinds[j]);
    }
    glp_load_matrix(P, nonzeros, ia, ja, ar);
    glp_error_hook(NULL, NULL);
    return 0;
}

/// glp_simplex behind the error-hook backstop.
static inline int re100_glpk_simplex(glp_prob *P, const glp_smcp *parm, int *result) {
    jmp_buf env;
    if (setjmp(env)) { glp_error_hook(NULL, NULL); glp_free_env(); return RE100_GLPK_ERROR; }
    glp_error_hook(re100_glpk_error_hook, &env);
    *result = glp_simplex(P, parm);
    glp_error_hook(NULL, NULL);
    return 0;
}

/// glp_interior behind the error-hook backstop.
static inline int re100_glpk_interior(glp_prob *P, const glp_iptcp *parm, int *result) {
    jmp_buf env;
    if (setjmp(env)) { glp_error_hook(NULL, NULL); glp_free_env(); return RE100_GLPK_ERROR; }
    glp_error_hook(re100_glpk_error_hook, &env);
    *result = glp_interior(P, parm);
    glp_error_hook(NULL, NULL);
    return 0;
}

/// glp_intopt behind the error-hook backstop.
static inline int re100_glpk_intopt(glp_prob *P, const glp_iocp *parm, int *result) {
    jmp_buf env;
    if (setjmp(env)) { glp_error_hook(NULL, NULL); glp_free_env(); return RE100_GLPK_ERROR; }
    glp_error_hook(re100_glpk_error_hook, &env);
    *result = glp_intopt(P, parm);
    glp_error_hook(NULL, NULL);
    return 0;
}

/// glp_warm_up behind the error-hook backstop (used after setting a crossover basis).
static inline int re100_glpk_warm_up(glp_prob *P, int *result) {
    jmp_buf env;
    if (setjmp(env)) { glp_error_hook(NULL, NULL); glp_free_env(); return RE100_GLPK_ERROR; }
    glp_error_hook(re100_glpk_error_hook, &env);
    *result = glp_warm_up(P);
    glp_error_hook(NULL, NULL);
    return 0;
}

/// glp_write_lp (format 0) or glp_write_mps (format GLP_MPS_FILE) behind the backstop.
static inline int re100_glpk_write(glp_prob *P, int mps, const char *path, int *result) {
    jmp_buf env;
    if (setjmp(env)) { glp_error_hook(NULL, NULL); glp_free_env(); return RE100_GLPK_ERROR; }
    glp_error_hook(re100_glpk_error_hook, &env);
    *result = mps ? glp_write_mps(P, GLP_MPS_FILE, NULL, path) : glp_write_lp(P, NULL, path);
    glp_error_hook(NULL, NULL);
    return 0;
}

#endif
