import { router, staffProcedure } from '../../trpc.js';

export const accountRouter = router({
  /** The signed-in staff member, for the admin's header. */
  me: staffProcedure.query(({ ctx }) => ({
    id: ctx.session.userId,
    name: ctx.session.name,
    email: ctx.session.email,
    role: ctx.session.role,
  })),
});
