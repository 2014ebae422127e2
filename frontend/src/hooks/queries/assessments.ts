"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { AnswerIn, AttemptOut, CourseGrades, StudentAssignment, SubmissionFile } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

const lesson = (lessonId: string) => ({ params: { path: { lesson_id: lessonId } } });

/** A quiz as the signed-in student meets it: its rules, their attempts, whether they may start. */
export function useStudentQuiz(lessonId: string) {
  return useQuery({
    queryKey: queryKeys.assessments.quiz(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/lessons/{lesson_id}/quiz", { ...lesson(lessonId), signal })),
  });
}

/** One of the student's attempts: in progress (no answers known to the page) or with results. */
export function useAttempt(attemptId: string | null) {
  return useQuery({
    queryKey: queryKeys.assessments.attempt(attemptId ?? ""),
    queryFn: ({ signal }) => unwrap(api.GET("/api/quiz-attempts/{attempt_id}", { params: { path: { attempt_id: attemptId ?? "" } }, signal })),
    enabled: attemptId !== null,
  });
}

/** Start the quiz, or come back to the attempt in progress (the server decides which). */
export function useStartAttempt(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/lessons/{lesson_id}/quiz/attempts", lesson(lessonId))),
    onSuccess: (attempt) => {
      queryClient.setQueryData(queryKeys.assessments.attempt(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments.quiz(lessonId) });
    },
  });
}

/** Save one answer as the student goes. */
export function useSaveAnswer(attemptId: string) {
  return useMutation({
    mutationFn: ({ questionId, answer }: { questionId: string; answer: AnswerIn }) =>
      unwrap(
        api.PUT("/api/quiz-attempts/{attempt_id}/answers/{question_id}", {
          params: { path: { attempt_id: attemptId, question_id: questionId } },
          body: { answer },
        }),
      ),
  });
}

/** Hand the attempt in, with any answers not saved yet; the result replaces the attempt. */
export function useSubmitAttempt(lessonId: string, attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerIn>) =>
      unwrap(api.POST("/api/quiz-attempts/{attempt_id}/submit", { params: { path: { attempt_id: attemptId } }, body: { answers } })),
    onSuccess: (attempt: AttemptOut) => {
      queryClient.setQueryData(queryKeys.assessments.attempt(attemptId), attempt);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments.quiz(lessonId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.progress.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.learning.dashboard });
    },
  });
}

/** An assignment as the signed-in student meets it: rules, their submissions and pending files. */
export function useStudentAssignment(lessonId: string) {
  return useQuery({
    queryKey: queryKeys.assessments.assignment(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/lessons/{lesson_id}/assignment", { ...lesson(lessonId), signal })),
  });
}

/** Adds an uploaded file to the pending list at once (the upload itself runs in upload-file.ts). */
export function useFileUploaded(lessonId: string) {
  const queryClient = useQueryClient();
  return (file: SubmissionFile) =>
    queryClient.setQueryData<StudentAssignment>(queryKeys.assessments.assignment(lessonId), (data) =>
      data ? { ...data, pending_files: [...data.pending_files.filter((f) => f.id !== file.id), file] } : data,
    );
}

/** Remove a pending upload; it leaves the list at once and comes back if the API refuses. */
export function useDropFile(lessonId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.assessments.assignment(lessonId);
  return useMutation({
    mutationFn: (file: SubmissionFile) => unwrap(api.DELETE("/api/submission-files/{file_id}", { params: { path: { file_id: file.id } } })),
    onMutate: async (file) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<StudentAssignment>(key);
      queryClient.setQueryData<StudentAssignment>(key, (data) => (data ? { ...data, pending_files: data.pending_files.filter((f) => f.id !== file.id) } : data));
      return { before };
    },
    onError: (_error, _file, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
  });
}

/** Hand in text and the pending files. */
export function useSubmitAssignment(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; file_ids: string[] }) =>
      unwrap(api.POST("/api/lessons/{lesson_id}/assignment/submissions", { ...lesson(lessonId), body })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.assessments.assignment(lessonId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.progress.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.learning.dashboard }),
      ]),
  });
}

/** The signed-in student's grades in a course. */
export function useMyGrades(courseId: string, initialData?: CourseGrades) {
  return useQuery({
    queryKey: queryKeys.assessments.grades(courseId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/courses/{course_id}/grades", { params: { path: { course_id: courseId } }, signal })),
    initialData,
  });
}

/** The student has read a released grade: it stops being "new" on the dashboard. */
export function useGradeSeen(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/lessons/{lesson_id}/grade/seen", lesson(lessonId))),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.learning.dashboard }),
  });
}
