"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type {
  AssignmentUpdate,
  AttemptReview,
  BankOut,
  GradebookFilter,
  QueueState,
  QuestionOut,
  QuestionWrite,
  QuizSettingsUpdate,

  SubmissionReview,
} from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

// The studio's builders and grading: for the course's team. Every write answers with the whole
// quiz, bank, assignment or review, which replaces the cached one.

const lesson = (lessonId: string) => ({ params: { path: { lesson_id: lessonId } } });
const bankPath = (bankId: string) => ({ params: { path: { bank_id: bankId } } });

// --- quizzes and banks --------------------------------------------------------------------

export function useStudioQuiz(lessonId: string) {
  return useQuery({
    queryKey: queryKeys.grading.quiz(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/studio/lessons/{lesson_id}/quiz", { ...lesson(lessonId), signal })),
  });
}

export function useUpdateQuiz(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: QuizSettingsUpdate) => unwrap(api.PATCH("/api/studio/lessons/{lesson_id}/quiz", { ...lesson(lessonId), body: changes })),
    onSuccess: (quiz) => queryClient.setQueryData(queryKeys.grading.quiz(lessonId), quiz),
  });
}

export function useSetQuizSources(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sources: { bank_id: string; draw_count: number | null }[]) =>
      unwrap(api.PUT("/api/studio/lessons/{lesson_id}/quiz/sources", { ...lesson(lessonId), body: { sources } })),
    onSuccess: (quiz) => queryClient.setQueryData(queryKeys.grading.quiz(lessonId), quiz),
  });
}

export function useBanks(courseId: string) {
  return useQuery({
    queryKey: queryKeys.grading.banks(courseId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/studio/courses/{course_id}/question-banks", { params: { path: { course_id: courseId } }, signal })),
  });
}

export function useBank(bankId: string) {
  return useQuery({
    queryKey: queryKeys.grading.bank(bankId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/studio/question-banks/{bank_id}", { ...bankPath(bankId), signal })),
  });
}

export function useCreateBank(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) =>
      unwrap(api.POST("/api/studio/courses/{course_id}/question-banks", { params: { path: { course_id: courseId } }, body: { title } })),
    onSuccess: (bank) => {
      queryClient.setQueryData(queryKeys.grading.bank(bank.id), bank);
      void queryClient.invalidateQueries({ queryKey: queryKeys.grading.banks(courseId) });
    },
  });
}

export function useRenameBank(courseId: string, bankId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => unwrap(api.PATCH("/api/studio/question-banks/{bank_id}", { ...bankPath(bankId), body: { title } })),
    onSuccess: (bank) => {
      queryClient.setQueryData(queryKeys.grading.bank(bankId), bank);
      void queryClient.invalidateQueries({ queryKey: queryKeys.grading.banks(courseId) });
    },
  });
}

export function useDeleteBank(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bankId: string) => unwrap(api.DELETE("/api/studio/question-banks/{bank_id}", bankPath(bankId))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.grading.all }),
  });
}

/** Questions live in a bank (a quiz's own questions too): a change refreshes the bank and the
 * quizzes that show it. */
function useQuestionChanged(bankId: string) {
  const queryClient = useQueryClient();
  return (bank?: BankOut) => {
    if (bank) queryClient.setQueryData(queryKeys.grading.bank(bankId), bank);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ["grading", "quiz"] }),
      queryClient.invalidateQueries({ queryKey: queryKeys.grading.bank(bankId) }),
      queryClient.invalidateQueries({ queryKey: ["grading", "banks"] }),
    ]);
  };
}

export function useAddQuestion(bankId: string) {
  const changed = useQuestionChanged(bankId);
  return useMutation({
    mutationFn: (question: QuestionWrite) => unwrap(api.POST("/api/studio/question-banks/{bank_id}/questions", { ...bankPath(bankId), body: question })),
    onSuccess: () => changed(),
  });
}

export function useUpdateQuestion(bankId: string) {
  const changed = useQuestionChanged(bankId);
  return useMutation({
    mutationFn: ({ id, question }: { id: string; question: QuestionWrite }) =>
      unwrap(api.PUT("/api/studio/questions/{question_id}", { params: { path: { question_id: id } }, body: question })),
    onSuccess: () => changed(),
  });
}

export function useDeleteQuestion(bankId: string) {
  const changed = useQuestionChanged(bankId);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/studio/questions/{question_id}", { params: { path: { question_id: id } } })),
    onSuccess: () => changed(),
  });
}

export function useReorderQuestions(bankId: string) {
  const changed = useQuestionChanged(bankId);
  return useMutation({
    mutationFn: (questionIds: string[]) =>
      unwrap(api.PUT("/api/studio/question-banks/{bank_id}/order", { ...bankPath(bankId), body: { question_ids: questionIds } })),
    onSuccess: (bank) => changed(bank),
  });
}

export function useQuestionImage(bankId: string) {
  const changed = useQuestionChanged(bankId);
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File | null }): Promise<QuestionOut> => {
      const path = { params: { path: { question_id: id } } };
      if (file === null) return unwrap(api.DELETE("/api/studio/questions/{question_id}/image", path));
      return unwrap(
        api.PUT("/api/studio/questions/{question_id}/image", {
          ...path,
          body: { file: file as unknown as string },
          bodySerializer: () => {
            const form = new FormData();
            form.append("file", file);
            return form;
          },
        }),
      );
    },
    onSuccess: () => changed(),
  });
}

// --- assignments --------------------------------------------------------------------------

export function useStudioAssignment(lessonId: string) {
  return useQuery({
    queryKey: queryKeys.grading.assignment(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/studio/lessons/{lesson_id}/assignment", { ...lesson(lessonId), signal })),
  });
}

export function useUpdateAssignment(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: AssignmentUpdate) => unwrap(api.PATCH("/api/studio/lessons/{lesson_id}/assignment", { ...lesson(lessonId), body: changes })),
    onSuccess: (assignment) => queryClient.setQueryData(queryKeys.grading.assignment(lessonId), assignment),
  });
}

// --- grading ------------------------------------------------------------------------------

export function useGradingQueue(courseId: string, state: QueueState) {
  return useQuery({
    queryKey: queryKeys.grading.queue(courseId, state),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/studio/courses/{course_id}/grading", { params: { path: { course_id: courseId }, query: { state } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSubmissionReview(submissionId: string) {
  return useQuery({
    queryKey: queryKeys.grading.submission(submissionId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/studio/submissions/{submission_id}", { params: { path: { submission_id: submissionId } }, signal })),
  });
}

function useGradeChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["grading", "queue"] }),
      queryClient.invalidateQueries({ queryKey: ["grading", "gradebook"] }),
    ]);
}

export function useGradeSubmission(submissionId: string) {
  const queryClient = useQueryClient();
  const changed = useGradeChanged();
  return useMutation({
    mutationFn: (grade: { rubric_levels: Record<string, string>; points: number | null; comment: string; release: boolean }) =>
      unwrap(api.PUT("/api/studio/submissions/{submission_id}/grade", { params: { path: { submission_id: submissionId } }, body: grade })),
    onSuccess: (review: SubmissionReview) => {
      queryClient.setQueryData(queryKeys.grading.submission(submissionId), review);
      void changed();
    },
  });
}

export function useReleaseSubmission(submissionId: string) {
  const queryClient = useQueryClient();
  const changed = useGradeChanged();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/studio/submissions/{submission_id}/release", { params: { path: { submission_id: submissionId } } })),
    onSuccess: (review: SubmissionReview) => {
      queryClient.setQueryData(queryKeys.grading.submission(submissionId), review);
      void changed();
    },
  });
}

/** Release every graded, unreleased hand-in of the given quizzes and assignments. */
export function useReleaseLessons() {
  const changed = useGradeChanged();
  return useMutation({
    mutationFn: async (lessonIds: string[]) => {
      let released = 0;
      for (const lessonId of lessonIds) {
        released += (await unwrap(api.POST("/api/studio/lessons/{lesson_id}/release-grades", lesson(lessonId)))).released;
      }
      return released;
    },
    onSettled: () => changed(),
  });
}

export function useAttemptReview(attemptId: string) {
  return useQuery({
    queryKey: queryKeys.grading.attempt(attemptId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/studio/attempts/{attempt_id}", { params: { path: { attempt_id: attemptId } }, signal })),
  });
}

export function useGradeAnswer(attemptId: string) {
  const queryClient = useQueryClient();
  const changed = useGradeChanged();
  return useMutation({
    mutationFn: ({ questionId, ...grade }: { questionId: string; points: number; comment: string; reason: string }) =>
      unwrap(
        api.PUT("/api/studio/attempts/{attempt_id}/answers/{question_id}/grade", {
          params: { path: { attempt_id: attemptId, question_id: questionId } },
          body: grade,
        }),
      ),
    onSuccess: (review: AttemptReview) => {
      queryClient.setQueryData(queryKeys.grading.attempt(attemptId), review);
      void changed();
    },
  });
}

export function useReleaseAttempt(attemptId: string) {
  const queryClient = useQueryClient();
  const changed = useGradeChanged();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/studio/attempts/{attempt_id}/release", { params: { path: { attempt_id: attemptId } } })),
    onSuccess: (review: AttemptReview) => {
      queryClient.setQueryData(queryKeys.grading.attempt(attemptId), review);
      void changed();
    },
  });
}

export function useGradebook(courseId: string, filters: { q: string; show: GradebookFilter }) {
  return useQuery({
    queryKey: queryKeys.grading.gradebook(courseId, filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/studio/courses/{course_id}/gradebook", {
          params: { path: { course_id: courseId }, query: { q: filters.q, show: filters.show } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}


