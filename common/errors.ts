// Error codes shared by server and web. The message is the default Chinese text;
// a thrown error may carry a more specific one.
export const ERROR_MESSAGES = {
  BAD_REQUEST: '请求内容有误',
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  LOGIN_FAILED: '用户名或密码错误',
  LOGIN_LOCKED: '登录失败次数过多，账户已临时锁定，请30分钟后再试',
  PASSWORD_CHANGE_REQUIRED: '首次登录请先修改密码',
  FORBIDDEN: '没有权限执行此操作',
  CSRF_REJECTED: '请求来源不被信任',
  NOT_FOUND: '记录不存在',
  MEMBER_NOT_FOUND: '会员不存在',
  DEPARTMENT_NOT_FOUND: '科室不存在',
  UNION_GROUP_NOT_FOUND: '工会小组不存在',
  USER_NOT_FOUND: '用户不存在',
  IMPORT_NOT_FOUND: '导入任务不存在或已过期',
  CONFLICT: '操作与当前状态冲突',
  DUPLICATE: '记录重复',
  STALE_VERSION: '记录已被他人修改，请刷新后再试',
  INVALID_TRANSITION: '当前状态下不能执行此操作',
  MEMBER_LINK_REQUIRED: '您的账户尚未关联会员档案，请联系系统管理员在“用户与角色”中关联后再试',
  IN_USE: '记录正在使用，不能删除',
  SETUP_DONE: '系统已完成初始化',
  SETUP_TOKEN_INVALID: '初始化链接无效或已过期',
  PAYLOAD_TOO_LARGE: '上传内容过大',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  // Funds
  FUND_CATEGORY_NOT_FOUND: '经费科目不存在',
  EXPENSE_REQUEST_NOT_FOUND: '经费申请不存在',
  LEDGER_ENTRY_NOT_FOUND: '账目不存在',
  BUDGET_ADJUSTMENT_NOT_FOUND: '预算调整不存在',
  PERIOD_CLOSED: '该期间已结账',
  OVER_BUDGET: '超出预算',
  APPROVAL_REQUIRED: '超过直接列支限额，须先经经费申请审批',
  // Care
  WELFARE_RULE_MISSING: '没有适用的福利标准，请先在“福利标准”中设置',
  CAP_EXCEEDED: '超过福利标准规定的年度上限',
  AID_CASE_NOT_FOUND: '救助申请不存在',
  AID_MATERIALS_MISSING: '申请材料不齐全',
  VISIT_NOT_FOUND: '慰问记录不存在',
  CARE_EVENT_NOT_FOUND: '报告事件不存在',
  INTERNAL: '服务器内部错误，请稍后再试',
} as const;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorDetail {
  path: string;
  message: string;
}
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}
